/**
 * Reading resources as stack policies see them: outputs behind the engine's unknown-checking proxy, with
 * `propertyDependencies` resolved to resource objects. References are followed through dependencies first (a known
 * fact even during preview) and through values (ids, ARNs, names, URIs) second.
 */
import type { PolicyResource } from "@pulumi/policy";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { UnknownValueError } = require("@pulumi/policy/proxy") as {
  UnknownValueError: new (...a: never[]) => Error;
};

/** Resource outputs are untyped JSON; every read goes through the engine's unknown-checking proxy. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Props = Record<string, any>;

export function isUnknownValueError(err: unknown): boolean {
  return err instanceof UnknownValueError;
}

export type Peeked<T> = { readonly known: true; readonly value: T } | { readonly known: false };

/**
 * Reads a value without ending the policy when it is unknown. Only for values that do not decide a finding on
 * their own (labels, identities used for matching); deciding values are read directly so the engine reports the
 * policy as indeterminate.
 */
export function peek<T>(read: () => T): Peeked<T> {
  try {
    return { known: true, value: read() };
  } catch (err) {
    if (isUnknownValueError(err)) {
      return { known: false };
    }
    throw err;
  }
}

export function ofType(resources: readonly PolicyResource[], ...types: string[]): PolicyResource[] {
  return resources.filter((r) => types.includes(r.type));
}

let propertyReads = 0;

/** Every stack policy reads resource properties through here, so a policy that read none examined nothing. */
export function props(r: PolicyResource): Props {
  propertyReads++;
  return r.props as Props;
}

/** How many times `props` has been called in this process; stackPolicy compares it before and after a check. */
export function propertyReadCount(): number {
  return propertyReads;
}

/** The resource's name as a person reads it in a message. */
export function label(r: PolicyResource): string {
  return r.name;
}

function knownString(read: () => unknown): string | undefined {
  const v = peek(read);
  return v.known && typeof v.value === "string" && v.value !== "" ? v.value : undefined;
}

const identityKeys = [
  "id",
  "arn",
  "keyId",
  "bucket",
  "name",
  "selfLink",
  "keyUri",
  "keyUriWithVersion",
];

/** Strings by which other resources refer to `r`, leaving out the ones not known yet. */
export function identities(r: PolicyResource): string[] {
  const p = props(r);
  const found = identityKeys.filter((k) => k in p).map((k) => knownString(() => p[k]));
  if ("keyRing" in p && "name" in p) {
    // A Cloud KMS key's id is `<keyRing id>/cryptoKeys/<name>`; the id itself is not always among the outputs.
    const ring = knownString(() => p.keyRing);
    const name = knownString(() => p.name);
    if (ring && name) {
      found.push(`${ring}/cryptoKeys/${name}`);
    }
  }
  return found.filter((s): s is string => s !== undefined);
}

export type Matcher = (value: string, target: PolicyResource) => boolean;

/** Exact match on an id, ARN, name or URI; a log group ARN may carry the `:*` suffix CloudTrail requires. */
export const matchesIdentity: Matcher = (value, target) => {
  const v = value.replace(/:\*$/, "");
  return identities(target).some((id) => id === v);
};

export function dependsThrough(
  source: PolicyResource,
  topKey: string,
  target: PolicyResource,
): boolean {
  return (source.propertyDependencies?.[topKey] ?? []).some((d) => d.urn === target.urn);
}

function hasDependencies(source: PolicyResource, topKey: string): boolean {
  return (source.propertyDependencies?.[topKey] ?? []).length > 0;
}

export interface Resolution {
  /** The referenced resource, when it is in the stack. */
  readonly target?: PolicyResource;
  /** The reference's value, when it had to be read (absent when a dependency decided). */
  readonly value?: string;
}

/**
 * Follows a reference held in `topKey` (read by `read`) to one of `candidates`. A dependency decides without
 * reading the value; otherwise the value is read, and an unknown value ends the policy as indeterminate.
 */
export function resolve(
  source: PolicyResource,
  topKey: string,
  read: () => unknown,
  candidates: readonly PolicyResource[],
  matches: Matcher = matchesIdentity,
): Resolution {
  const viaDependency = candidates.find((c) => dependsThrough(source, topKey, c));
  if (viaDependency) {
    return { target: viaDependency };
  }
  const value = read();
  if (typeof value !== "string" || value === "") {
    return {};
  }
  return { target: candidates.find((c) => matches(value, c)), value };
}

/**
 * The attachments (encryption configurations, access blocks, policies, diagnostic settings...) that refer to
 * `target` through `topKey`. Attachments whose dependency names another resource are skipped without reading their
 * values, so an unknown value elsewhere in the stack does not make this target indeterminate.
 */
export function attachedTo(
  target: PolicyResource,
  attachments: readonly PolicyResource[],
  topKey: string,
  matches: Matcher = matchesIdentity,
): PolicyResource[] {
  return attachments.filter((a) => {
    if (dependsThrough(a, topKey, target)) {
      return true;
    }
    if (hasDependencies(a, topKey)) {
      return false;
    }
    const value = props(a)[topKey];
    return typeof value === "string" && value !== "" && matches(value, target);
  });
}

/** A string list from a value that may be a list, a comma/space separated string or absent. */
export function stringList(value: unknown): string[] {
  if (Array.isArray(value)) {
    return value.map(String);
  }
  if (typeof value === "string") {
    return value
      .split(/[\s,;]+/)
      .map((s) => s.trim())
      .filter((s) => s !== "");
  }
  return [];
}

/** Parses a value that providers may hand over as a JSON string (provider inputs) or as an object. */
export function objectValue(value: unknown): Props | undefined {
  if (typeof value === "string") {
    try {
      const parsed = JSON.parse(value);
      return typeof parsed === "object" && parsed !== null ? (parsed as Props) : undefined;
    } catch {
      return undefined;
    }
  }
  return typeof value === "object" && value !== null ? (value as Props) : undefined;
}

/** Reads every nested value, so an unknown one ends the policy as indeterminate instead of being skipped. */
export function requireKnown(value: unknown): void {
  if (typeof value === "object" && value !== null) {
    for (const key of Object.keys(value)) {
      requireKnown((value as Props)[key]);
    }
  }
}

/**
 * Judges each item on its own: an unknown value ends only that item's check, every known finding on the others is
 * still reported, and the policy then ends indeterminate (the first unknown-value error is rethrown).
 */
export function judgeEach<T>(items: readonly T[], judge: (item: T) => void): void {
  let unknown: unknown;
  for (const item of items) {
    try {
      judge(item);
    } catch (err) {
      if (!isUnknownValueError(err)) {
        throw err;
      }
      unknown ??= err;
    }
  }
  if (unknown !== undefined) {
    throw unknown;
  }
}
