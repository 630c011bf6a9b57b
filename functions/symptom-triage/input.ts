/**
 * The triage request: structured symptoms from a closed vocabulary plus optional free text, validated by a JSON
 * schema (ajv). Problems name the field and what is expected, never the value received: it may be patient data.
 */
import Ajv, { ErrorObject } from "ajv";
import { ProblemError } from "../lib/http/service";

/** The symptom codes the clinical app offers; the model and the red-flag rules see only these. */
export const SYMPTOMS = [
  "abdominal-pain",
  "anxiety",
  "arm-weakness",
  "back-pain",
  "bleeding",
  "blurred-vision",
  "chest-pain",
  "confusion",
  "cough",
  "diarrhoea",
  "dizziness",
  "dyspnoea",
  "ear-pain",
  "facial-droop",
  "fainting",
  "fatigue",
  "fever",
  "headache",
  "hives",
  "joint-pain",
  "lip-or-tongue-swelling",
  "nausea",
  "palpitations",
  "rash",
  "seizure",
  "self-harm",
  "severe-bleeding",
  "sore-throat",
  "speech-difficulty",
  "stiff-neck",
  "suicidal-thoughts",
  "throat-swelling",
  "unresponsive",
  "urinary-pain",
  "vomiting",
  "wheeze",
] as const;
export type Symptom = (typeof SYMPTOMS)[number];
export const SEVERITIES = ["mild", "moderate", "severe"] as const;
export type Severity = (typeof SEVERITIES)[number];
export const SEXES = ["female", "male", "other", "unknown"] as const;

/** Longest free text accepted, in characters. */
export const MAX_FREE_TEXT = 2000;

export interface SymptomEntry {
  readonly code: Symptom;
  readonly severity: Severity;
  /** How long it has lasted, in hours (0 to one year). */
  readonly durationHours?: number;
}

export interface TriageRequest {
  readonly symptoms: readonly SymptomEntry[];
  readonly ageYears?: number;
  readonly sex?: (typeof SEXES)[number];
  readonly pregnant?: boolean;
  readonly freeText?: string;
}

export const requestSchema = {
  type: "object",
  additionalProperties: false,
  required: ["symptoms"],
  properties: {
    symptoms: {
      type: "array",
      minItems: 1,
      maxItems: 20,
      items: {
        type: "object",
        additionalProperties: false,
        required: ["code", "severity"],
        properties: {
          code: { type: "string", enum: [...SYMPTOMS] },
          severity: { type: "string", enum: [...SEVERITIES] },
          durationHours: { type: "number", minimum: 0, maximum: 8760 },
        },
      },
    },
    ageYears: { type: "integer", minimum: 0, maximum: 130 },
    sex: { type: "string", enum: [...SEXES] },
    pregnant: { type: "boolean" },
    freeText: { type: "string", maxLength: MAX_FREE_TEXT },
  },
} as const;

const ajv = new Ajv({ allErrors: false, strict: true, verbose: true });
const validate = ajv.compile<TriageRequest>(requestSchema);

/** What an ajv error expects, phrased without the received value. */
function expectation(e: ErrorObject): string {
  switch (e.keyword) {
    case "enum":
      return `one of ${(e.params as { allowedValues: unknown[] }).allowedValues.join(", ")}`;
    case "additionalProperties":
      // The unknown property's name is not echoed: a client may have put patient data in it.
      return `only the properties ${Object.keys(
        (e.parentSchema as { properties?: object } | undefined)?.properties ?? {},
      ).join(", ")}`;
    case "required":
      return `the property "${(e.params as { missingProperty: string }).missingProperty}"`;
    case "type":
      return `a value of type ${(e.params as { type: string }).type}`;
    case "minimum":
    case "maximum":
      return `a number ${e.keyword === "minimum" ? ">=" : "<="} ${(e.params as { limit: number }).limit}`;
    case "maxLength":
      return `at most ${(e.params as { limit: number }).limit} characters`;
    case "minItems":
    case "maxItems":
      return `${e.keyword === "minItems" ? "at least" : "at most"} ${(e.params as { limit: number }).limit} entries`;
    default:
      return `a value matching the schema (${e.keyword})`;
  }
}

/** Validates a parsed body; throws a 400 ProblemError naming the first bad field. */
export function parseTriageRequest(body: unknown): TriageRequest {
  if (validate(body)) {
    const codes = body.symptoms.map((s) => s.code);
    if (new Set(codes).size !== codes.length) {
      throw new ProblemError(
        400,
        "invalid-request",
        "Invalid triage request",
        "symptoms: each symptom code may appear once; expected distinct codes",
      );
    }
    return body;
  }
  const e = validate.errors?.[0];
  const field = e ? e.instancePath.replace(/^\//, "").replace(/\//g, ".") || "(body)" : "(body)";
  throw new ProblemError(
    400,
    "invalid-request",
    "Invalid triage request",
    `${field}: expected ${e ? expectation(e) : "a triage request object"}`,
  );
}

/** Age bands sent to the model instead of the age: ages over 89 are one band (Safe Harbor). */
export function ageBand(age: number | undefined): string {
  if (age === undefined) {
    return "unknown";
  }
  const bands: Array<[number, string]> = [
    [1, "under 1"],
    [5, "1-4"],
    [12, "5-11"],
    [18, "12-17"],
    [40, "18-39"],
    [65, "40-64"],
    [90, "65-89"],
  ];
  return bands.find(([upper]) => age < upper)?.[1] ?? "90 or over";
}
