/**
 * Model features from a FHIR R4 Bundle of vital-sign Observations. Only Observation values and their relative
 * timing enter a feature: no names, identifiers, references, free text or absolute dates (dates are identifiers
 * under HIPAA Safe Harbor), so the request to the model cannot carry them whatever the Bundle holds.
 */
import { parseVitalObservation } from "../lib/fhir/observation";
import { VITAL_SIGNALS, VitalReading } from "../lib/fhir/vitals";
import { ProblemError } from "../lib/http/service";

/** Per signal: the statistics below; plus `span_hours` over all readings. Missing values are null. */
export const STATISTICS = ["last", "mean", "min", "max", "count", "slope_per_hour"] as const;
export const FEATURE_NAMES: readonly string[] = [
  ...VITAL_SIGNALS.flatMap((s) => STATISTICS.map((stat) => `${s}_${stat}`)),
  "span_hours",
];

export type Features = Record<string, number | null>;

export interface Extraction {
  readonly features: Features;
  /** Observations that yielded at least one reading. */
  readonly used: number;
  /** Entries skipped: other resource types, other codes, unusable values. */
  readonly ignored: number;
}

/** Largest Bundle accepted, in entries. */
export const MAX_ENTRIES = 5000;

const round = (x: number): number => Math.round(x * 1e4) / 1e4;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function invalid(detail: string): ProblemError {
  return new ProblemError(400, "invalid-bundle", "Invalid FHIR Bundle", detail);
}

/** Least-squares slope of value over time, per hour; null below two distinct times. */
function slopePerHour(readings: readonly VitalReading[]): number | null {
  if (readings.length < 2) {
    return null;
  }
  const t0 = readings[0].ts;
  let st = 0;
  let sv = 0;
  for (const r of readings) {
    st += (r.ts - t0) / 3_600_000;
    sv += r.value;
  }
  const mt = st / readings.length;
  const mv = sv / readings.length;
  let num = 0;
  let den = 0;
  for (const r of readings) {
    const dt = (r.ts - t0) / 3_600_000 - mt;
    num += dt * (r.value - mv);
    den += dt * dt;
  }
  return den === 0 ? null : round(num / den);
}

/** Throws a 400 ProblemError for a malformed Bundle and a 422 when it holds no usable vital sign. */
export function extractFeatures(bundle: unknown): Extraction {
  if (!isObject(bundle) || bundle.resourceType !== "Bundle") {
    throw invalid('resourceType: expected "Bundle"');
  }
  const entries = bundle.entry ?? [];
  if (!Array.isArray(entries)) {
    throw invalid("entry: expected an array of Bundle entries");
  }
  if (entries.length > MAX_ENTRIES) {
    throw invalid(`entry: expected at most ${MAX_ENTRIES} entries, received ${entries.length}`);
  }
  const readings: VitalReading[] = [];
  let used = 0;
  let ignored = 0;
  for (const entry of entries) {
    const resource = isObject(entry) ? entry.resource : undefined;
    if (!isObject(resource) || resource.resourceType !== "Observation") {
      ignored++;
      continue;
    }
    const before = readings.length;
    const problem = parseVitalObservation(resource, readings);
    if (problem !== undefined || readings.length === before) {
      readings.length = before;
      ignored++;
    } else {
      used++;
    }
  }
  if (readings.length === 0) {
    throw new ProblemError(
      422,
      "no-vital-signs",
      "No usable vital signs",
      "the Bundle holds no final vital-sign Observation (heart rate, SpO2, respiratory rate, temperature, blood pressure) with a UCUM value",
    );
  }
  const subject = readings[0].patient;
  if (readings.some((r) => r.patient !== subject)) {
    // The ids themselves are not echoed.
    throw new ProblemError(
      422,
      "several-subjects",
      "Observations of several patients",
      "every Observation must have the same subject: a risk score is computed for one patient",
    );
  }
  readings.sort((a, b) => a.ts - b.ts);
  const features: Features = {};
  for (const signal of VITAL_SIGNALS) {
    const own = readings.filter((r) => r.signal === signal);
    const values = own.map((r) => r.value);
    const n = values.length;
    features[`${signal}_last`] = n ? round(values[n - 1]) : null;
    features[`${signal}_mean`] = n ? round(values.reduce((a, b) => a + b, 0) / n) : null;
    features[`${signal}_min`] = n ? round(Math.min(...values)) : null;
    features[`${signal}_max`] = n ? round(Math.max(...values)) : null;
    features[`${signal}_count`] = n;
    features[`${signal}_slope_per_hour`] = slopePerHour(own);
  }
  features.span_hours = round((readings[readings.length - 1].ts - readings[0].ts) / 3_600_000);
  return { features, used, ignored };
}
