/**
 * Key-based redaction of structured values (log attributes, FHIR resources, events): a value under a PHI key is
 * masked whatever it contains, every other string goes through redactText. The input is never mutated.
 */
import { phiTypeOfKey } from "./keys";
import { redactText } from "./redact";
import { maskOf, Patient, PhiType, RedactOptions } from "./types";

/** Keys inside a PHI value that describe it rather than carry it (FHIR `use`, `system`). */
const STRUCTURAL = new Set(["use", "system", "rank", "code", "resourcetype"]);
/** Pseudonyms from pseudonymize() are the safe replacement for a patient id and must stay readable. */
const PSEUDONYM_RE = /^p_[0-9a-f]{32}$/;

function maskKeyed(type: PhiType, value: unknown): unknown {
  if (typeof value === "string" && PSEUDONYM_RE.test(value)) {
    return value;
  }
  return maskOf(type);
}

function copy(
  value: unknown,
  under: PhiType | undefined,
  options: RedactOptions,
  seen: Map<object, unknown>,
): unknown {
  if (value === null || value === undefined || typeof value === "boolean") {
    return value;
  }
  if (typeof value === "function" || typeof value === "symbol") {
    return value;
  }
  if (typeof value !== "object") {
    if (under !== undefined) {
      return maskKeyed(under, value);
    }
    return typeof value === "string" ? redactText(value, options).text : value;
  }
  const done = seen.get(value);
  if (done !== undefined) {
    return done;
  }
  if (value instanceof Date) {
    return maskOf("DATE");
  }
  if (value instanceof Error) {
    const err = Object.create(Object.getPrototypeOf(value)) as Record<string, unknown>;
    seen.set(value, err);
    for (const k of ["name", "message", "stack"]) {
      const own = (value as unknown as Record<string, unknown>)[k];
      if (typeof own === "string") {
        Object.defineProperty(err, k, {
          value: k === "name" ? own : redactText(own, options).text,
          writable: true,
          configurable: true,
          enumerable: false,
        });
      }
    }
    copyProps(value, err, under, options, seen);
    if ("cause" in value) {
      err.cause = copy((value as { cause?: unknown }).cause, under, options, seen);
    }
    return err;
  }
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    seen.set(value, out);
    for (const item of value) {
      out.push(copy(item, under, options, seen));
    }
    return out;
  }
  if (value instanceof Map) {
    const out = new Map<unknown, unknown>();
    seen.set(value, out);
    for (const [k, v] of value) {
      const type = typeof k === "string" ? phiTypeOfKey(k) : undefined;
      out.set(k, copy(v, under ?? type, options, seen));
    }
    return out;
  }
  if (value instanceof Set) {
    const out = new Set<unknown>();
    seen.set(value, out);
    for (const v of value) {
      out.add(copy(v, under, options, seen));
    }
    return out;
  }
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) {
    return under !== undefined ? maskOf(under) : value;
  }
  const out: Record<string, unknown> = Object.create(
    Object.getPrototypeOf(value) === null ? null : Object.prototype,
  );
  seen.set(value, out);
  // A Patient's narrative (text.div) repeats its own name and numbers: they are the best evidence to match.
  const own =
    options.patient === undefined &&
    (value as { resourceType?: unknown }).resourceType === "Patient";
  copyProps(value, out, under, own ? { ...options, patient: value as Patient } : options, seen);
  return out;
}

function copyProps(
  from: object,
  to: Record<string, unknown>,
  under: PhiType | undefined,
  options: RedactOptions,
  seen: Map<object, unknown>,
): void {
  for (const key of Object.keys(from)) {
    let v: unknown;
    try {
      v = (from as Record<string, unknown>)[key];
    } catch {
      continue;
    }
    const keyType = phiTypeOfKey(key);
    if (under !== undefined && STRUCTURAL.has(key.toLowerCase())) {
      to[key] = typeof v === "string" ? v : copy(v, under, options, seen);
    } else if (keyType === "AGE" && under === undefined) {
      // Ages are PHI only above 89 (Safe Harbor groups them as "90 or older").
      to[key] = Number(v) > 89 ? maskOf("AGE") : copy(v, undefined, options, seen);
    } else {
      to[key] = copy(v, under ?? keyType, options, seen);
    }
  }
}

/**
 * Returns a deep copy of `value` with PHI masked: values under PHI keys (name, birthDate, ssn, mrn, phone,
 * email, address, ...; nested objects and arrays included) are replaced by the key's mask, every other string is
 * passed through redactText. Cycles are reproduced in the copy; Date objects become "[DATE]".
 */
export function redactObject<T>(value: T, options: RedactOptions = {}): T {
  try {
    return copy(value, undefined, options, new Map()) as T;
  } catch {
    // Only hostile inputs get here (revoked proxies, throwing ownKeys traps): nothing of them can be shown safely.
    return maskOf("ID") as unknown as T;
  }
}
