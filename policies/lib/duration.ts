/** Durations as the clouds write them: "7776000s" (GCP), "P90D" (ISO 8601, Azure), "7d" (Spanner). */

/** Seconds in a GCP duration string such as "7776000s" or "1.5s"; undefined when it is not one. */
export function gcpDurationSeconds(value: unknown): number | undefined {
  if (typeof value !== "string") {
    return undefined;
  }
  const match = /^(\d+(?:\.\d+)?)s$/.exec(value.trim());
  return match ? Number(match[1]) : undefined;
}

/** Days in an ISO 8601 duration made of years, months, weeks and days (P1Y = 365, P1M = 30); undefined otherwise. */
export function isoDurationDays(value: unknown): number | undefined {
  if (typeof value !== "string") {
    return undefined;
  }
  const match = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$/.exec(value.trim());
  if (!match || value.trim() === "P") {
    return undefined;
  }
  const [, y, m, w, d] = match.map((g) => Number(g ?? 0));
  return y * 365 + m * 30 + w * 7 + d;
}
