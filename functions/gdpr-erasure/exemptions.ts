/**
 * Reasons an erasure is refused (GDPR Art. 17(3)): a legal hold recorded in the FHIR service as an active Flag on
 * the patient with the code below (Art. 17(3)(e), legal claims), and retention obligations from configuration: a
 * resource type whose records must be kept for a number of years after their date (Art. 17(3)(b), a legal
 * obligation, for example a medical records retention law). A refusal names the exemption, the article, the
 * resource type and counts; never an id or a date of the patient.
 */
import type { Flag, Resource } from "@medplum/fhirtypes";
import type { FhirClient } from "../lib/fhir/client";
import { dataIntervalOf, PATIENT_DATA_TYPES } from "../lib/fhir/compartment";

export const EXEMPTION_SYSTEM = "https://mediconnect.health/fhir/CodeSystem/erasure-exemption";
export const LEGAL_HOLD_CODE = "legal-hold";

export interface RetentionRule {
  /** A Patient-compartment type with a dated record (functions/lib/fhir/compartment.ts). */
  readonly resourceType: string;
  /** Years after the record's date during which it must be kept. */
  readonly years: number;
  /** The legal basis, quoted in refusals, for example "Berufsordnung § 10 (3): 10 years". */
  readonly basis: string;
}

export interface Exemption {
  readonly exemption: "legal-hold" | "retention";
  readonly article: string;
  readonly resourceType: string;
  readonly count: number;
  readonly basis?: string;
  readonly years?: number;
}

const YEAR_MS = 365.25 * 24 * 3600 * 1000;

/** Checks configured rules at start-up; errors name the rule's index and field. */
export function parseRetentionRules(text: string | undefined): RetentionRule[] {
  if (text === undefined || text.trim() === "") {
    return [];
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error(
      'ERASURE_RETENTION is not valid JSON; expected a list such as [{"resourceType":"DocumentReference","years":10,"basis":"..."}]',
    );
  }
  if (!Array.isArray(parsed)) {
    throw new Error(`ERASURE_RETENTION is a JSON ${typeof parsed}; expected a list of rules`);
  }
  const dated = Object.entries(PATIENT_DATA_TYPES)
    .filter(([, spec]) => spec.dateElements.length > 0)
    .map(([type]) => type);
  return parsed.map((rule: unknown, i) => {
    const r = (rule ?? {}) as Record<string, unknown>;
    if (typeof r.resourceType !== "string" || !dated.includes(r.resourceType)) {
      throw new Error(
        `ERASURE_RETENTION[${i}].resourceType is ${JSON.stringify(r.resourceType)}; expected one of ${dated.join(", ")}`,
      );
    }
    if (typeof r.years !== "number" || !Number.isInteger(r.years) || r.years < 1 || r.years > 100) {
      throw new Error(
        `ERASURE_RETENTION[${i}].years is ${JSON.stringify(r.years)}; expected a whole number of years, 1 to 100`,
      );
    }
    if (typeof r.basis !== "string" || r.basis.trim().length < 3) {
      throw new Error(
        `ERASURE_RETENTION[${i}].basis is ${JSON.stringify(r.basis)}; expected the legal basis as text (at least 3 characters)`,
      );
    }
    return { resourceType: r.resourceType, years: r.years, basis: r.basis.trim() };
  });
}

/**
 * The exemptions that apply now. A record without a readable date under a retention rule counts as retained:
 * its age cannot be shown to be past the period.
 */
export async function findExemptions(
  fhir: FhirClient,
  patientId: string,
  rules: readonly RetentionRule[],
  now: Date,
  signal?: AbortSignal,
): Promise<Exemption[]> {
  const patientRef = `Patient/${patientId}`;
  const out: Exemption[] = [];
  // R4 defines no status or code search parameter for Flag: every Flag of the patient is read and checked here.
  const flags = await fhir.searchAll<Flag>(
    "Flag",
    new URLSearchParams({ patient: patientRef, _count: "100" }),
    signal,
  );
  const holds = flags.filter(
    (f) =>
      f.status === "active" &&
      f.subject?.reference === patientRef &&
      (f.code?.coding ?? []).some(
        (c) => c.system === EXEMPTION_SYSTEM && c.code === LEGAL_HOLD_CODE,
      ) &&
      (f.period?.end === undefined || Date.parse(f.period.end) >= now.getTime()),
  );
  if (holds.length > 0) {
    out.push({
      exemption: "legal-hold",
      article: "GDPR Art. 17(3)(e)",
      resourceType: "Flag",
      count: holds.length,
    });
  }
  for (const rule of rules) {
    const param = PATIENT_DATA_TYPES[rule.resourceType].patientParam ?? "patient";
    const records = await fhir.searchAll<Resource>(
      rule.resourceType,
      new URLSearchParams({ [param]: patientRef, _count: "100" }),
      signal,
    );
    const cutoff = now.getTime() - rule.years * YEAR_MS;
    const kept = records.filter((r) => {
      const when = dataIntervalOf(r);
      return when === undefined || when.end > cutoff;
    });
    if (kept.length > 0) {
      out.push({
        exemption: "retention",
        article: "GDPR Art. 17(3)(b)",
        resourceType: rule.resourceType,
        count: kept.length,
        basis: rule.basis,
        years: rule.years,
      });
    }
  }
  return out;
}
