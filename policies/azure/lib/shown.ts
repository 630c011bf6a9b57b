/** How a received value appears in a message: as JSON, or, when it is not set, what the provider does instead. */
export function shown(value: unknown, whenAbsent: string): string {
  return value === undefined || value === null ? `not set (${whenAbsent})` : JSON.stringify(value);
}

/** True for a non-empty string, such as a key name or a reference that has been given. */
export function isSet(value: unknown): value is string {
  return typeof value === "string" && value !== "";
}
