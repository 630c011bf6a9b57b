/** Cognito app client token lifetimes, which are numbers in a unit chosen per token type. */

const minutesPer: Record<string, number> = { seconds: 1 / 60, minutes: 1, hours: 60, days: 1440 };

/** Minutes of a token validity `value` in `unit`; undefined when the unit is not one Cognito knows. */
export function tokenMinutes(value: number, unit: string): number | undefined {
  const factor = minutesPer[unit];
  return factor === undefined ? undefined : value * factor;
}
