/**
 * Vital signs as the platform understands them: the LOINC codes that name them in FHIR R4, the UCUM units a
 * reading may carry, the conversion to one canonical unit per signal, and the physically possible range used to
 * reject corrupt readings. Shared by every function that reads vital signs (FHIR Observations or device JSON).
 */

/** Short signal names, also the `type` field of the compact device reading. */
export const VITAL_SIGNALS = ["hr", "spo2", "rr", "temp", "sbp", "dbp"] as const;
export type VitalSignal = (typeof VITAL_SIGNALS)[number];

/** Index of each signal in per-patient state arrays; stable because it is persisted. */
export const SIGNAL_INDEX: Readonly<Record<VitalSignal, number>> = {
  hr: 0,
  spo2: 1,
  rr: 2,
  temp: 3,
  sbp: 4,
  dbp: 5,
};

export const UCUM_SYSTEM = "http://unitsofmeasure.org";
export const LOINC_SYSTEM = "http://loinc.org";

/** LOINC code -> signal. 2708-6 (arterial SaO2) is accepted next to 59408-5 (pulse oximetry) as FHIR's vital-signs profile does. */
export const LOINC_SIGNALS: Readonly<Record<string, VitalSignal>> = {
  "8867-4": "hr",
  "59408-5": "spo2",
  "2708-6": "spo2",
  "9279-1": "rr",
  "8310-5": "temp",
  "8480-6": "sbp",
  "8462-4": "dbp",
};

/** LOINC blood pressure panel whose components carry systolic (8480-6) and diastolic (8462-4). */
export const LOINC_BP_PANEL = "85354-9";

/** A unit conversion to the canonical unit: canonical = value * scale + offset. */
interface Conversion {
  readonly scale: number;
  readonly offset: number;
}

const IDENTITY: Conversion = { scale: 1, offset: 0 };

export interface SignalDefinition {
  readonly signal: VitalSignal;
  /** Canonical UCUM unit every reading is converted to before scoring and storage. */
  readonly unit: string;
  /** Accepted UCUM codes and their conversion to `unit`. */
  readonly units: Readonly<Record<string, Conversion>>;
  /**
   * Physically possible range in the canonical unit (inclusive). Outside it the reading is a device or transport
   * error, not a patient state, and is dead-lettered instead of scored. The bounds are wider than any survived
   * value on record so that real extremes (asystole at 0/min, 13.7 Cel accidental hypothermia) still alert.
   */
  readonly min: number;
  readonly max: number;
}

const PER_MINUTE = { "/min": IDENTITY };

export const SIGNALS: Readonly<Record<VitalSignal, SignalDefinition>> = {
  hr: {
    signal: "hr",
    unit: "/min",
    units: { ...PER_MINUTE, "{beats}/min": IDENTITY, "{beat}/min": IDENTITY },
    min: 0,
    max: 350,
  },
  spo2: { signal: "spo2", unit: "%", units: { "%": IDENTITY }, min: 0, max: 100 },
  rr: {
    signal: "rr",
    unit: "/min",
    units: { ...PER_MINUTE, "{breaths}/min": IDENTITY, "{breath}/min": IDENTITY },
    min: 0,
    max: 150,
  },
  temp: {
    signal: "temp",
    unit: "Cel",
    units: {
      Cel: IDENTITY,
      "[degF]": { scale: 5 / 9, offset: -32 * (5 / 9) },
      K: { scale: 1, offset: -273.15 },
    },
    min: 10,
    max: 50,
  },
  sbp: { signal: "sbp", unit: "mm[Hg]", units: { "mm[Hg]": IDENTITY }, min: 1, max: 350 },
  dbp: { signal: "dbp", unit: "mm[Hg]", units: { "mm[Hg]": IDENTITY }, min: 1, max: 250 },
};

/** Every UCUM code accepted for some signal: lets error messages echo a received unit only when it is one of ours. */
const KNOWN_UNITS: ReadonlySet<string> = new Set(
  VITAL_SIGNALS.flatMap((s) => Object.keys(SIGNALS[s].units)),
);

export function isVitalSignal(value: unknown): value is VitalSignal {
  return typeof value === "string" && Object.prototype.hasOwnProperty.call(SIGNAL_INDEX, value);
}

/**
 * Converts `value` in UCUM `unit` to the signal's canonical unit; NaN when the unit is not accepted for the signal.
 * Returning NaN instead of throwing keeps the per-record path free of exceptions.
 */
export function toCanonical(signal: VitalSignal, value: number, unit: string): number {
  const conversion = SIGNALS[signal].units[unit];
  if (conversion === undefined) {
    return NaN;
  }
  return conversion === IDENTITY ? value : value * conversion.scale + conversion.offset;
}

/**
 * Describes a received unit for an error message without echoing arbitrary device text (it may hold anything,
 * including identifiers): known UCUM codes are quoted, anything else is described by type and length.
 */
export function describeUnit(unit: unknown): string {
  if (typeof unit === "string" && KNOWN_UNITS.has(unit)) {
    return `'${unit}'`;
  }
  return typeof unit === "string"
    ? `an unknown unit (${unit.length} characters)`
    : `a ${typeof unit}`;
}

export function expectedUnits(signal: VitalSignal): string {
  return Object.keys(SIGNALS[signal].units).join(", ");
}

/** Describes a received number for an error message; long digit strings could be identifiers, so only short ones are echoed. */
export function describeNumber(value: number): string {
  const text = String(value);
  return text.replace(/[^0-9]/g, "").length <= 6 ? text : `a ${text.length}-character number`;
}

/** Why a vital-sign reading cannot be used; the dead-letter reason codes of the vitals path. */
export type VitalProblemReason =
  | "bad-base64"
  | "bad-json"
  | "bad-schema"
  | "unknown-signal"
  | "wrong-unit"
  | "impossible-value"
  | "bad-timestamp"
  | "unusable-status"
  | "missing-value";

/** A rejected reading. `patient` is set when the payload named a valid patient id, so ordering can still be kept. */
export class VitalProblem {
  constructor(
    readonly reason: VitalProblemReason,
    readonly detail: string,
    readonly patient?: string,
  ) {}
}

/** One scored value, already in the signal's canonical unit. */
export interface VitalReading {
  readonly patient: string;
  readonly device: string | undefined;
  readonly signal: VitalSignal;
  /** Observation time, epoch milliseconds. */
  readonly ts: number;
  readonly value: number;
}

/** FHIR `id` syntax; patient ids outside it are rejected so that keys stay bounded and printable. */
export const PATIENT_ID = /^[A-Za-z0-9\-.]{1,64}$/;

/**
 * Converts and range-checks one value, returning the canonical value or a problem. `unit` is the UCUM code.
 */
export function canonicalValue(
  signal: VitalSignal,
  value: number,
  unit: unknown,
  patient: string,
): number | VitalProblem {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    return new VitalProblem(
      "bad-schema",
      `${signal} value must be a finite number, received a ${typeof value === "number" ? "non-finite number" : typeof value}`,
      patient,
    );
  }
  const canonical = typeof unit === "string" ? toCanonical(signal, value, unit) : NaN;
  if (canonical !== canonical) {
    return new VitalProblem(
      "wrong-unit",
      `unit ${describeUnit(unit)} is not valid for ${signal}; expected UCUM ${expectedUnits(signal)}`,
      patient,
    );
  }
  const def = SIGNALS[signal];
  if (canonical < def.min || canonical > def.max) {
    return new VitalProblem(
      "impossible-value",
      `${signal} ${describeNumber(canonical)} ${def.unit} is outside the possible range ${def.min}..${def.max} ${def.unit}`,
      patient,
    );
  }
  return canonical;
}
