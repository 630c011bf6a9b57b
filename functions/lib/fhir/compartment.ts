/**
 * Patient-compartment resource types the gateway serves: for each, the element naming the patient the data is
 * about, the search parameter that selects by it, and the elements that date the data (for Consent dataPeriod).
 * Only these elements decide whose data a resource is: a Patient who appears as a performer or author does not
 * make the resource theirs.
 */
import type { Resource } from "@medplum/fhirtypes";
import { Interval, intervalOf, intervalOfPeriod } from "./period";

export interface PatientDataType {
  /** Element holding the Reference to the patient (absent for Patient itself). */
  readonly patientElement?: string;
  /** Search parameter selecting by that patient. */
  readonly patientParam?: string;
  /** Elements dating the data, first present wins: a dateTime/instant/date, or a Period. */
  readonly dateElements: readonly string[];
}

export const PATIENT_DATA_TYPES: Readonly<Record<string, PatientDataType>> = {
  Patient: { dateElements: [] },
  Observation: {
    patientElement: "subject",
    patientParam: "subject",
    dateElements: ["effectiveDateTime", "effectivePeriod", "effectiveInstant", "issued"],
  },
  Encounter: { patientElement: "subject", patientParam: "subject", dateElements: ["period"] },
  Condition: {
    patientElement: "subject",
    patientParam: "subject",
    dateElements: ["onsetDateTime", "onsetPeriod", "recordedDate"],
  },
  DocumentReference: {
    patientElement: "subject",
    patientParam: "subject",
    dateElements: ["date"],
  },
  AllergyIntolerance: {
    patientElement: "patient",
    patientParam: "patient",
    dateElements: ["onsetDateTime", "onsetPeriod", "recordedDate"],
  },
  MedicationRequest: {
    patientElement: "subject",
    patientParam: "subject",
    dateElements: ["authoredOn"],
  },
  Procedure: {
    patientElement: "subject",
    patientParam: "subject",
    dateElements: ["performedDateTime", "performedPeriod"],
  },
  DiagnosticReport: {
    patientElement: "subject",
    patientParam: "subject",
    dateElements: ["effectiveDateTime", "effectivePeriod", "issued"],
  },
  Immunization: {
    patientElement: "patient",
    patientParam: "patient",
    dateElements: ["occurrenceDateTime", "recorded"],
  },
  CarePlan: {
    patientElement: "subject",
    patientParam: "subject",
    dateElements: ["period", "created"],
  },
};

export function isPatientDataType(resourceType: string): boolean {
  return Object.hasOwn(PATIENT_DATA_TYPES, resourceType);
}

/** "Patient/<id>" of the patient a resource is about, or undefined (another subject, or none). */
export function patientOf(resource: Resource): string | undefined {
  if (resource.resourceType === "Patient") {
    return resource.id ? `Patient/${resource.id}` : undefined;
  }
  const spec = Object.hasOwn(PATIENT_DATA_TYPES, resource.resourceType)
    ? PATIENT_DATA_TYPES[resource.resourceType]
    : undefined;
  if (!spec?.patientElement) {
    return undefined;
  }
  const ref = (resource as unknown as Record<string, { reference?: unknown } | undefined>)[
    spec.patientElement
  ]?.reference;
  return typeof ref === "string" && /^Patient\/[A-Za-z0-9\-.]{1,64}$/.test(ref) ? ref : undefined;
}

/** The interval a resource's data is dated by, or undefined when it has no (readable) date. */
export function dataIntervalOf(resource: Resource): Interval | undefined {
  const spec = Object.hasOwn(PATIENT_DATA_TYPES, resource.resourceType)
    ? PATIENT_DATA_TYPES[resource.resourceType]
    : undefined;
  for (const element of spec?.dateElements ?? []) {
    const value = (resource as unknown as Record<string, unknown>)[element];
    if (value === undefined) {
      continue;
    }
    if (typeof value === "object" && value !== null) {
      const p = value as { start?: string; end?: string };
      // An open-ended period (an encounter in progress) cannot be shown to lie inside a bounded one.
      return p.start === undefined && p.end === undefined ? undefined : intervalOfPeriod(p);
    }
    return intervalOf(value);
  }
  return undefined;
}
