/** Small helpers shared by the AWS policies: how values appear in messages, config with defaults, key names. */
import type { ResourceValidationArgs } from "@pulumi/policy";

/** How a received value is written in a message: JSON for a value, "not set" when it is absent. */
export function shown(value: unknown): string {
  return value === undefined || value === null ? "not set" : JSON.stringify(value);
}

/** The policy's configuration over its defaults (the engine does not fill defaults in for us). */
export function configOf<T extends object>(args: ResourceValidationArgs, defaults: T): T {
  return { ...defaults, ...args.getConfig<Partial<T>>() };
}

/** True for an AWS managed key (`alias/aws/<service>`, as an alias or an alias ARN), which no customer policy controls. */
export function isAwsManagedKey(keyId: string): boolean {
  return /(^|:)alias\/aws\//.test(keyId);
}

/** A value given as one item or a list, as a list of strings. */
export function listOf(value: unknown): string[] {
  if (value === undefined || value === null) {
    return [];
  }
  return (Array.isArray(value) ? value : [value]).map(String);
}
