/** How a received value appears in a message: as JSON, or, when it is not set, what the provider does instead. */
export function shown(value: unknown, whenAbsent: string): string {
  return value === undefined || value === null ? `not set (${whenAbsent})` : JSON.stringify(value);
}
