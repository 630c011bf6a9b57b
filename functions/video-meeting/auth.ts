/** Who is calling, from the Cognito JWT claims the HTTP API's authorizer verified. */
import type { Appointment } from "./types";
import { problem } from "./problem";

export const CLINICIAN_GROUPS: ReadonlySet<string> = new Set(["doctor", "nurse"]);

export interface Caller {
  readonly sub: string;
  readonly groups: readonly string[];
}

export type Role = "patient" | "clinician";

/**
 * `cognito:groups` reaches a Lambda behind an HTTP API as a string: "[doctor nurse]" (API Gateway's rendering of a
 * JSON array) or, from other front ends, a JSON array text or a comma list; a real array is accepted too.
 */
export function parseGroups(value: unknown): string[] {
  if (Array.isArray(value)) {
    return value.filter((v): v is string => typeof v === "string");
  }
  if (typeof value !== "string") {
    return [];
  }
  const text = value.trim();
  if (text.startsWith("[") && text.endsWith("]")) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (Array.isArray(parsed)) {
        return parsed.filter((v): v is string => typeof v === "string");
      }
    } catch {
      // Not JSON: API Gateway's "[a b]" form, handled below.
    }
    return text
      .slice(1, -1)
      .split(/[\s,]+/)
      .filter((g) => g.length > 0);
  }
  return text.split(/[\s,]+/).filter((g) => g.length > 0);
}

export function callerOf(claims: Record<string, unknown> | undefined): Caller {
  const sub = claims?.sub;
  if (typeof sub !== "string" || sub.length === 0) {
    throw problem(
      401,
      "unauthenticated",
      "Unauthenticated",
      "the request carries no verified identity (JWT claim 'sub'); expected a Cognito access or ID token",
      { "www-authenticate": "Bearer" },
    );
  }
  return { sub, groups: parseGroups(claims?.["cognito:groups"]) };
}

/** A clinician must both be in a clinical group and be assigned to this appointment; a patient must be its patient. */
export function roleIn(caller: Caller, appointment: Appointment): Role {
  if (caller.sub === appointment.patientUserId) {
    return "patient";
  }
  if (
    caller.groups.some((g) => CLINICIAN_GROUPS.has(g)) &&
    appointment.clinicianUserIds.includes(caller.sub)
  ) {
    return "clinician";
  }
  throw problem(
    403,
    "not-a-participant",
    "Not a participant",
    "the caller is neither the patient of this appointment nor a clinician (group doctor or nurse) assigned to it",
  );
}
