/**
 * Evaluates a policy's conditions one by one, so that a value not known during preview ends only the condition that
 * reads it: every known violation on the resource is still reported, and the policy is then marked indeterminate
 * (the engine's "can't run policy during preview") instead of passing.
 */
import type { Report } from "./define";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { UnknownValueError } = require("@pulumi/policy/proxy") as {
  UnknownValueError: new (...a: never[]) => Error;
};

/** One condition: the finding(s) it reports, or undefined when it holds. */
export type Condition = () => string | undefined | readonly (string | undefined)[];

export function isUnknown(err: unknown): boolean {
  return err instanceof UnknownValueError;
}

/**
 * Runs every condition; reports each finding; rethrows the first unknown-value error after all known findings are
 * reported, so the engine records the policy as indeterminate as well.
 */
export function checkEach(report: Report, conditions: readonly Condition[]): void {
  let unknown: unknown;
  for (const condition of conditions) {
    try {
      const found = condition();
      for (const message of Array.isArray(found) ? found : [found]) {
        if (typeof message === "string") {
          report(message);
        }
      }
    } catch (err) {
      if (!isUnknown(err)) {
        throw err;
      }
      unknown ??= err;
    }
  }
  if (unknown !== undefined) {
    throw unknown;
  }
}

/** How a received value is written in a message; `whenAbsent` says what the provider does when it is not set. */
export function shown(value: unknown, whenAbsent?: string): string {
  if (value === undefined || value === null) {
    return whenAbsent === undefined ? "not set" : `not set (${whenAbsent})`;
  }
  return JSON.stringify(value);
}

/** True for a customer-managed AWS KMS key reference: given, and not an AWS managed `alias/aws/...` key. */
export function isAwsCmk(key: unknown): boolean {
  return typeof key === "string" && key !== "" && !/(^|:)alias\/aws\//.test(key);
}

/** A finding unless `value` is exactly true; `whenAbsent` names the provider default relied on. */
export function mustBeTrue(path: string, value: unknown, whenAbsent: string): string | undefined {
  return value === true ? undefined : `${path} is ${shown(value, whenAbsent)}; expected true.`;
}

/** A finding unless `value` is exactly false. */
export function mustBeFalse(path: string, value: unknown, whenAbsent: string): string | undefined {
  return value === false ? undefined : `${path} is ${shown(value, whenAbsent)}; expected false.`;
}

/** A finding unless `value` is a customer-managed AWS KMS key; `managed` names the key AWS uses instead. */
export function mustBeAwsCmk(path: string, value: unknown, managed: string): string | undefined {
  if (isAwsCmk(value)) {
    return undefined;
  }
  const absent = value === undefined || value === null || value === "";
  return `${path} is ${absent ? `not set (${managed})` : `${JSON.stringify(value)}, an AWS managed key`}; expected a customer-managed KMS key ARN.`;
}

/** A finding unless `value` is a number of at least `min`. */
export function atLeast(
  path: string,
  value: unknown,
  min: number,
  unit: string,
  whenAbsent: string,
): string | undefined {
  return typeof value === "number" && value >= min
    ? undefined
    : `${path} is ${shown(value, whenAbsent)}; expected at least ${min} ${unit}.`;
}

/** A finding unless `value` is a non-empty string (a key, an ARN, a reference). */
export function mustBeSet(path: string, value: unknown, whenAbsent: string, expected: string) {
  return typeof value === "string" && value !== ""
    ? undefined
    : `${path} is ${shown(value, whenAbsent)}; expected ${expected}.`;
}

/** True when the CIDR (IPv4 or IPv6) admits every address. */
export function isAnyAddress(cidr: unknown): boolean {
  return typeof cidr === "string" && ["0.0.0.0/0", "::/0", "*", "0.0.0.0"].includes(cidr.trim());
}
