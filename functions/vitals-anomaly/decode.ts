/**
 * Kinesis record payload -> canonical readings. Two payloads are accepted (README.md): the compact device reading
 * `{patient, device, ts, type, value, unit}` and a FHIR R4 vital-sign Observation. Problems are returned, never
 * thrown, so a poison record costs no more than a good one.
 */
import { parseVitalObservation } from "../lib/fhir/observation";
import {
  PATIENT_ID,
  VITAL_SIGNALS,
  VitalProblem,
  VitalReading,
  canonicalValue,
  isVitalSignal,
} from "../lib/fhir/vitals";

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const MAX_DEVICE_ID = 128;

/** Strict base64: Buffer.from silently skips characters outside the alphabet, which would hide corruption. */
export function decodeBase64(data: string): string | undefined {
  if (data.length % 4 !== 0 || !BASE64.test(data)) {
    return undefined;
  }
  return Buffer.from(data, "base64").toString("utf8");
}

function decodeCompact(
  body: Record<string, unknown>,
  out: VitalReading[],
): VitalProblem | undefined {
  const patient = body.patient;
  if (typeof patient !== "string" || !PATIENT_ID.test(patient)) {
    return new VitalProblem(
      "bad-schema",
      "field 'patient' must be a FHIR id (1-64 of A-Z a-z 0-9 - .)",
    );
  }
  const device = body.device;
  if (typeof device !== "string" || device.length === 0 || device.length > MAX_DEVICE_ID) {
    return new VitalProblem(
      "bad-schema",
      `field 'device' must be a string of 1-${MAX_DEVICE_ID} characters`,
      patient,
    );
  }
  const type = body.type;
  if (!isVitalSignal(type)) {
    return new VitalProblem(
      "unknown-signal",
      `field 'type' ${typeof type === "string" ? `(${type.length} characters)` : `(a ${typeof type})`} is not a supported signal; expected one of ${VITAL_SIGNALS.join(", ")}`,
      patient,
    );
  }
  const rawTs = body.ts;
  const ts =
    typeof rawTs === "number" ? rawTs : typeof rawTs === "string" ? Date.parse(rawTs) : NaN;
  if (!Number.isFinite(ts) || ts < 0) {
    return new VitalProblem(
      "bad-timestamp",
      `field 'ts' must be epoch milliseconds (a non-negative number) or an RFC 3339 date-time, received a ${typeof rawTs}`,
      patient,
    );
  }
  const value = canonicalValue(type, body.value as number, body.unit, patient);
  if (typeof value !== "number") {
    return value;
  }
  out.push({ patient, device, signal: type, ts, value });
  return undefined;
}

/**
 * Decodes one record's base64 payload, appending its readings (one, or two for a blood pressure panel) to `out`.
 * Readings stamped further than `latestTs` in the future are rejected: the device clock is wrong, and accepting
 * them would make every later genuine reading look stale.
 */
export function decodeRecord(
  data: string,
  latestTs: number,
  out: VitalReading[],
): VitalProblem | undefined {
  const text = decodeBase64(data);
  if (text === undefined) {
    return new VitalProblem(
      "bad-base64",
      `payload is not base64 (${data.length} characters); expected standard base64 with padding`,
    );
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return new VitalProblem(
      "bad-json",
      `payload is not JSON (${text.length} characters); expected a compact reading or a FHIR Observation`,
    );
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return new VitalProblem(
      "bad-schema",
      `payload is a JSON ${Array.isArray(body) ? "array" : typeof body}; expected an object`,
    );
  }
  const record = body as Record<string, unknown>;
  const start = out.length;
  let problem: VitalProblem | undefined;
  if (record.resourceType === undefined) {
    problem = decodeCompact(record, out);
  } else if (record.resourceType === "Observation") {
    problem = parseVitalObservation(record, out);
  } else {
    problem = new VitalProblem(
      "bad-schema",
      "payload has a resourceType other than Observation; expected a compact reading or a FHIR Observation",
    );
  }
  if (problem !== undefined) {
    return problem;
  }
  const first = out[start];
  if (first.ts > latestTs) {
    out.length = start;
    return new VitalProblem(
      "bad-timestamp",
      `reading time is ${Math.ceil((first.ts - latestTs) / 1000)} s beyond the allowed clock skew; expected a time no later than the receive time plus the skew`,
      first.patient,
    );
  }
  return undefined;
}
