/**
 * Consents written for the gateway tests (the official R4 examples are used as they are, from the fixtures).
 * Patient f201's data dates: Condition f201 2013-04-02 (onset), Condition f202 2012-12-01, Condition f205
 * 2013-04-04, DiagnosticReport f201 2012-12-01T12:00+01:00, Observation f202 2013-04-04T13:27+01:00; Encounter f201
 * and the Patient carry no date.
 */
import type { Consent, ConsentProvision } from "@medplum/fhirtypes";

export const SCOPE = {
  coding: [
    { system: "http://terminology.hl7.org/CodeSystem/consentscope", code: "patient-privacy" },
  ],
};
export const ACT_REASON = "http://terminology.hl7.org/CodeSystem/v3-ActReason";
export const TREAT = { system: ACT_REASON, code: "TREAT" };
export const ETREAT = { system: ACT_REASON, code: "ETREAT" };
export const DOCTOR = "Practitioner/f201";
/** Actor role "primary information recipient", as in the official examples. */
export const PRCP = {
  coding: [{ system: "http://terminology.hl7.org/CodeSystem/v3-ParticipationType", code: "PRCP" }],
};
export const NOW = new Date("2026-06-01T10:00:00Z");

export function consent(
  id: string,
  patient: string,
  provision: ConsentProvision,
  extra: Partial<Consent> = {},
): Consent {
  return {
    resourceType: "Consent",
    id,
    status: "active",
    scope: SCOPE,
    category: [{ coding: [{ system: "http://loinc.org", code: "59284-0" }] }],
    patient: { reference: patient },
    provision,
    ...extra,
  };
}

/**
 * f201 permits its doctor to access its record for treatment from 2020, except Observations and data dated before
 * 2013 (nested denies).
 */
export const F201_TREATMENT = consent("f201-treatment", "Patient/f201", {
  type: "permit",
  period: { start: "2020-01-01" },
  actor: [{ role: PRCP, reference: { reference: DOCTOR } }],
  purpose: [TREAT],
  action: [
    {
      coding: [{ system: "http://terminology.hl7.org/CodeSystem/consentaction", code: "access" }],
    },
  ],
  provision: [
    {
      type: "deny",
      class: [{ system: "http://hl7.org/fhir/resource-types", code: "Observation" }],
    },
    { type: "deny", dataPeriod: { end: "2012-12-31" } },
  ],
});

/** xcda denies everything except emergency treatment by anyone (a nested permit in a root deny). */
export const XCDA_EMERGENCY_ONLY = consent("xcda-emergency", "Patient/xcda", {
  type: "deny",
  provision: [{ type: "permit", purpose: [ETREAT] }],
});

/** A draft permitting everything: never takes part. */
export const XCDA_DRAFT = consent(
  "xcda-draft",
  "Patient/xcda",
  { type: "permit" },
  { status: "draft" },
);

/** An expired permit for xcda's document (its period ended in 2021). */
export const XCDA_EXPIRED = consent("xcda-expired", "Patient/xcda", {
  type: "permit",
  period: { start: "2019-01-01", end: "2021-12-31" },
});
