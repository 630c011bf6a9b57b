/**
 * Reads FHIR R4 vital-sign Observations (the vital-signs profile: heart rate, SpO2, respiratory rate, body
 * temperature, blood pressure panel or its standalone components) into canonical readings.
 */
import {
  LOINC_BP_PANEL,
  LOINC_SIGNALS,
  LOINC_SYSTEM,
  PATIENT_ID,
  UCUM_SYSTEM,
  VitalProblem,
  VitalReading,
  VitalSignal,
  canonicalValue,
} from "./vitals";

/** Statuses whose value is a real measurement; `entered-in-error`, `cancelled`, `registered`, `unknown` are not. */
const USABLE_STATUS: ReadonlySet<string> = new Set([
  "final",
  "amended",
  "corrected",
  "preliminary",
]);

/** R4 ObservationStatus codes: only these are echoed in a problem detail, anything else may be arbitrary text. */
const FHIR_STATUS: ReadonlySet<string> = new Set([
  ...USABLE_STATUS,
  "registered",
  "cancelled",
  "entered-in-error",
  "unknown",
]);

const SUPPORTED_CODES = [...Object.keys(LOINC_SIGNALS), LOINC_BP_PANEL].join(", ");

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function loincCodes(concept: unknown): string[] {
  if (!isObject(concept) || !Array.isArray(concept.coding)) {
    return [];
  }
  const codes: string[] = [];
  for (const coding of concept.coding) {
    if (isObject(coding) && coding.system === LOINC_SYSTEM && typeof coding.code === "string") {
      codes.push(coding.code);
    }
  }
  return codes;
}

function signalOf(concept: unknown): VitalSignal | undefined {
  for (const code of loincCodes(concept)) {
    const signal = LOINC_SIGNALS[code];
    if (signal !== undefined) {
      return signal;
    }
  }
  return undefined;
}

function quantityValue(
  signal: VitalSignal,
  quantity: unknown,
  patient: string,
): number | VitalProblem | undefined {
  if (quantity === undefined) {
    return undefined;
  }
  if (!isObject(quantity)) {
    return new VitalProblem("bad-schema", `${signal} valueQuantity must be an object`, patient);
  }
  if (quantity.system !== undefined && quantity.system !== UCUM_SYSTEM) {
    return new VitalProblem(
      "wrong-unit",
      `${signal} valueQuantity.system is not UCUM; expected ${UCUM_SYSTEM}`,
      patient,
    );
  }
  return canonicalValue(signal, quantity.value as number, quantity.code, patient);
}

function effectiveTime(resource: Json, patient: string): number | VitalProblem {
  const text = resource.effectiveDateTime ?? resource.effectiveInstant;
  if (typeof text !== "string") {
    return new VitalProblem(
      "bad-timestamp",
      "Observation has no effectiveDateTime or effectiveInstant; expected the time of measurement",
      patient,
    );
  }
  const ts = Date.parse(text);
  if (!Number.isFinite(ts)) {
    return new VitalProblem(
      "bad-timestamp",
      `effective time (${text.length} characters) is not an RFC 3339 date-time`,
      patient,
    );
  }
  return ts;
}

/**
 * Parses one Observation into `out`; returns a problem instead of throwing. A blood pressure panel yields its
 * systolic and diastolic components (one may be absent with a dataAbsentReason, not both).
 */
export function parseVitalObservation(
  resource: Json,
  out: VitalReading[],
): VitalProblem | undefined {
  const subject = resource.subject;
  const reference = isObject(subject) ? subject.reference : undefined;
  const patient =
    typeof reference === "string" && reference.startsWith("Patient/") ? reference.slice(8) : "";
  if (!PATIENT_ID.test(patient)) {
    return new VitalProblem(
      "bad-schema",
      "Observation.subject.reference must be 'Patient/<id>' with a FHIR id (1-64 of A-Z a-z 0-9 - .)",
    );
  }
  const status = resource.status;
  if (typeof status !== "string" || !USABLE_STATUS.has(status)) {
    return new VitalProblem(
      "unusable-status",
      `Observation.status ${typeof status === "string" && FHIR_STATUS.has(status) ? `'${status}'` : "is missing or not an R4 status code"}; expected final, amended, corrected or preliminary`,
      patient,
    );
  }
  const device = isObject(resource.device) ? resource.device.reference : undefined;
  const deviceRef = typeof device === "string" ? device : undefined;

  const codes = loincCodes(resource.code);
  const readings: Array<[VitalSignal, number]> = [];
  if (codes.includes(LOINC_BP_PANEL)) {
    const components = Array.isArray(resource.component) ? resource.component : [];
    for (const component of components) {
      const signal = isObject(component) ? signalOf(component.code) : undefined;
      if (signal !== "sbp" && signal !== "dbp") {
        continue;
      }
      const value = quantityValue(signal, (component as Json).valueQuantity, patient);
      if (value instanceof VitalProblem) {
        return value;
      }
      if (value !== undefined) {
        readings.push([signal, value]);
      }
    }
    const sbp = readings.find((r) => r[0] === "sbp");
    const dbp = readings.find((r) => r[0] === "dbp");
    if (sbp !== undefined && dbp !== undefined && dbp[1] >= sbp[1]) {
      return new VitalProblem(
        "impossible-value",
        `diastolic ${dbp[1]} mm[Hg] is not below systolic ${sbp[1]} mm[Hg]`,
        patient,
      );
    }
  } else {
    const signal = signalOf(resource.code);
    if (signal === undefined) {
      const shown = codes.filter((c) => /^\d{1,7}-\d$/.test(c));
      return new VitalProblem(
        "unknown-signal",
        `Observation.code ${shown.length > 0 ? `LOINC ${shown.join(", ")}` : "has no LOINC coding"}; expected one of LOINC ${SUPPORTED_CODES}`,
        patient,
      );
    }
    const value = quantityValue(signal, resource.valueQuantity, patient);
    if (value instanceof VitalProblem) {
      return value;
    }
    if (value !== undefined) {
      readings.push([signal, value]);
    }
  }
  if (readings.length === 0) {
    return new VitalProblem(
      "missing-value",
      "Observation carries no valueQuantity (or no component value); expected a measured value",
      patient,
    );
  }
  const ts = effectiveTime(resource, patient);
  if (ts instanceof VitalProblem) {
    return ts;
  }
  for (const [signal, value] of readings) {
    out.push({ patient, device: deviceRef, signal, ts, value });
  }
  return undefined;
}
