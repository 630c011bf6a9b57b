/** Checks of component arguments, with errors that name the component, the argument, the range and the value. */

/** A bound of a range, with what it means when that helps ("six years"). */
export type Bound = number | { readonly value: number; readonly meaning: string };

function bound(b: Bound): { value: number; text: string } {
  return typeof b === "number"
    ? { value: b, text: `${b}` }
    : { value: b.value, text: `${b.value} (${b.meaning})` };
}

/**
 * Returns `value` when it is a whole number within [min, max] (no upper bound when `max` is omitted); otherwise
 * throws `<where>: [<key>] must be a whole number from <min> to <max>, received <value>`.
 */
export function wholeNumber(
  where: string,
  key: string,
  value: number,
  min: Bound,
  max?: Bound,
): number {
  const lo = bound(min);
  const hi = max === undefined ? undefined : bound(max);
  if (!Number.isInteger(value) || value < lo.value || (hi !== undefined && value > hi.value)) {
    const range = hi === undefined ? `of at least ${lo.text}` : `from ${lo.text} to ${hi.text}`;
    throw new Error(`${where}: [${key}] must be a whole number ${range}, received ${value}`);
  }
  return value;
}
