/**
 * Exceptions, carried in each policy's configuration (`pulumi preview --policy-pack-config` or
 * `npm run plan -- --policy-config`):
 *
 *   { "aws-kms-key-enable-key-rotation": { "suppressions": [
 *       { "resource": "legacy-*", "reason": "Vendor key, rotated by the vendor (ticket SEC-42)",
 *         "owner": "security-team", "expires": "2027-03-31" } ] } }
 *
 * `resource` is a URN or a logical-name pattern (`*` matches any run of characters). A valid suppression turns the
 * finding into an advisory one marked `[suppressed ...]`, so it stays visible in every report. An expired or
 * incomplete suppression suppresses nothing and is reported as a violation of its own.
 *
 * The expiry is required, must be a real calendar date, and may lie at most `maxSuppressionDays` (default 365)
 * ahead. A pattern that matches every resource (`*`) must say so with `allResources: true`, and its findings are
 * marked `[suppressed for ALL resources ...]`. Keys other than these are refused by the schema.
 */

export interface Suppression {
  readonly resource?: unknown;
  readonly reason?: unknown;
  readonly owner?: unknown;
  readonly expires?: unknown;
  readonly allResources?: unknown;
}

export const minimumReasonLength = 10;

/** How far ahead an expiry may lie unless a policy's `maxSuppressionDays` says otherwise. */
export const defaultMaxSuppressionDays = 365;

export const maxSuppressionDaysSchema = {
  type: "integer",
  minimum: 1,
  default: defaultMaxSuppressionDays,
  description: "How many days ahead a suppression's expiry may lie (default 365).",
} as const;

/** The marker the offline plan and readers of the CLI's output recognise. */
export const suppressedMarker = "[suppressed";

export const suppressionsSchema = {
  type: "array",
  description:
    "Exceptions for this policy: {resource (URN or logical-name pattern), reason (at least 10 characters), owner, expires (YYYY-MM-DD)}.",
  items: {
    type: "object",
    properties: {
      resource: { type: "string" },
      reason: { type: "string" },
      owner: { type: "string" },
      expires: { type: "string" },
      allResources: { type: "boolean" },
    },
    required: ["resource", "reason", "owner", "expires"] as string[],
    additionalProperties: false,
  },
} as const;

/** True for a pattern that matches every resource name. */
export function matchesEverything(pattern: unknown): boolean {
  return typeof pattern === "string" && /^\**$/.test(pattern.trim()) && pattern.trim() !== "";
}

/** True for a real calendar date written YYYY-MM-DD (2027-02-30 is not one). */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return false;
  }
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** `today` plus `days`, as YYYY-MM-DD. */
export function addDays(today: string, days: number): string {
  return new Date(Date.parse(`${today}T00:00:00Z`) + days * 86400000).toISOString().slice(0, 10);
}

function matches(pattern: string, urn: string, name: string): boolean {
  if (pattern.startsWith("urn:")) {
    return pattern === urn;
  }
  const re = new RegExp(
    `^${pattern
      .split("*")
      .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
      .join(".*")}$`,
  );
  return re.test(name);
}

/**
 * Why a suppression cannot be honoured, or undefined when it is valid on `today` (YYYY-MM-DD) with expiries
 * allowed up to `maxDays` ahead.
 */
export function suppressionProblem(
  s: Suppression,
  today: string,
  maxDays: number = defaultMaxSuppressionDays,
): string | undefined {
  if (typeof s.reason !== "string" || s.reason.trim().length < minimumReasonLength) {
    return `its reason ${JSON.stringify(s.reason ?? null)} is shorter than ${minimumReasonLength} characters`;
  }
  if (typeof s.owner !== "string" || s.owner.trim() === "") {
    return "it names no owner";
  }
  if (!isCalendarDate(s.expires)) {
    return `its expiry ${JSON.stringify(s.expires ?? null)} is not a date YYYY-MM-DD`;
  }
  if (s.expires < today) {
    return `it expired on ${s.expires}`;
  }
  const latest = addDays(today, maxDays);
  if (s.expires > latest) {
    return `its expiry ${s.expires} is more than ${maxDays} days ahead (latest ${latest})`;
  }
  if (matchesEverything(s.resource) && s.allResources !== true) {
    return `its resource ${JSON.stringify(s.resource)} matches every resource, which needs allResources: true`;
  }
  return undefined;
}

export interface SuppressionMatch {
  readonly suppression: Suppression;
  readonly problem?: string;
}

export function findSuppression(
  config: { suppressions?: unknown; maxSuppressionDays?: unknown },
  urn: string,
  name: string,
  today: string = new Date().toISOString().slice(0, 10),
): SuppressionMatch | undefined {
  const maxDays =
    typeof config.maxSuppressionDays === "number" && config.maxSuppressionDays >= 1
      ? config.maxSuppressionDays
      : defaultMaxSuppressionDays;
  const list = Array.isArray(config.suppressions) ? (config.suppressions as Suppression[]) : [];
  const matching = list.filter(
    (s) => typeof s?.resource === "string" && matches(s.resource, urn, name),
  );
  if (matching.length === 0) {
    return undefined;
  }
  const valid = matching.find((s) => suppressionProblem(s, today, maxDays) === undefined);
  return valid
    ? { suppression: valid }
    : { suppression: matching[0], problem: suppressionProblem(matching[0], today, maxDays) };
}

/** The finding as every report shows it; a suppression of every resource says so first. */
export function suppressedMessage(s: Suppression, message: string): string {
  const scope = s.allResources === true ? " for ALL resources" : "";
  return `${suppressedMarker}${scope} until ${s.expires} by ${s.owner}: ${s.reason}] ${message}`;
}
