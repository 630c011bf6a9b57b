/**
 * POST /triage: validate, check red flags (emergency without asking the model), redact the free text, ask the
 * model for a schema-checked answer, and fall back to "see a clinician" whenever the model cannot give a usable
 * one. `createTriageRoute(deps)` takes every dependency (tests inject the transport); main.ts wires Azure.
 */
import { redactText } from "../lib/phi";
import type { JsonRoute, ServiceLogger, ServiceOptions } from "../lib/http/service";
import { ageBand, parseTriageRequest, TriageRequest } from "./input";
import { assess, DegradeReason, ModelDeps, ModelInput, ModelLevel } from "./model";
import { redFlags } from "./red-flags";

export const TRIAGE_LEVELS = [
  "emergency",
  "urgent",
  "soon",
  "routine",
  "self-care",
  "see-clinician",
] as const;
export type TriageLevel = (typeof TRIAGE_LEVELS)[number];

export interface TriageResult {
  readonly triageLevel: TriageLevel;
  /** red-flag: decided by rules; model: a validated model answer; fallback: the model gave no usable answer. */
  readonly source: "red-flag" | "model" | "fallback";
  readonly reasons: readonly string[];
  readonly advice: string;
  readonly redFlags?: readonly string[];
  readonly degradedReason?: DegradeReason;
  readonly disclaimer: string;
}

export const DISCLAIMER =
  "This is an automated urgency assessment, not a diagnosis or a prescription. If you feel worse or are worried, contact a clinician or emergency services.";

export const EMERGENCY_ADVICE =
  "Call your local emergency number (112 in Europe, 911 in the US) or go to the nearest emergency department now.";

export const FALLBACK_ADVICE =
  "We could not complete an automated assessment. Please contact a clinician today; if symptoms are severe or getting worse, call emergency services.";

/** Urgency order, most urgent first; a model answer never goes below the floor the rules set. */
const ORDER: readonly ModelLevel[] = ["urgent", "soon", "routine", "self-care"];

/** The least urgent level the rules allow for a request that raised no red flag. */
export function severityFloor(request: TriageRequest): ModelLevel {
  return request.symptoms.some((s) => s.severity === "severe") ? "urgent" : "self-care";
}

/** C0/C1 controls and bidi overrides out, whitespace runs to one space: the text stays data, not layout. */
function normalise(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

export function modelInputOf(request: TriageRequest): ModelInput {
  return {
    symptoms: request.symptoms.map((s) => ({
      code: s.code,
      severity: s.severity,
      ...(s.durationHours !== undefined ? { durationHours: s.durationHours } : {}),
    })),
    ageBand: ageBand(request.ageYears),
    sex: request.sex ?? "unknown",
    pregnant: request.pregnant ?? "unknown",
    patientText: request.freeText ? redactText(normalise(request.freeText)).text : "",
  };
}

export interface TriageDeps {
  readonly model: ModelDeps;
  readonly logger: ServiceLogger;
}

/** Decides one validated request; never throws for a model failure. */
export async function triage(
  deps: TriageDeps,
  request: TriageRequest,
  signal?: AbortSignal,
): Promise<TriageResult> {
  const flags = redFlags(request);
  if (flags.length > 0) {
    return {
      triageLevel: "emergency",
      source: "red-flag",
      reasons: flags.map((f) => f.reason),
      advice: EMERGENCY_ADVICE,
      redFlags: flags.map((f) => f.code),
      disclaimer: DISCLAIMER,
    };
  }
  const outcome = await assess(
    {
      ...deps.model,
      onAttemptFailed: (failure) => {
        deps.logger.warn("symptom-triage: model attempt failed", failure);
        deps.model.onAttemptFailed?.(failure);
      },
    },
    modelInputOf(request),
    signal,
  );
  if (outcome.kind === "degraded") {
    return {
      triageLevel: "see-clinician",
      source: "fallback",
      reasons: ["An automated assessment was not available for this request."],
      advice: FALLBACK_ADVICE,
      degradedReason: outcome.reason,
      disclaimer: DISCLAIMER,
    };
  }
  const floor = severityFloor(request);
  const level =
    ORDER.indexOf(outcome.answer.triageLevel) > ORDER.indexOf(floor)
      ? floor
      : outcome.answer.triageLevel;
  return {
    triageLevel: level,
    source: "model",
    reasons: [...outcome.answer.reasons],
    advice: outcome.answer.advice,
    disclaimer: DISCLAIMER,
  };
}

export function createTriageRoute(deps: TriageDeps): JsonRoute {
  return async (body, ctx) => {
    const request = parseTriageRequest(body);
    const result = await triage(deps, request, ctx.signal);
    return {
      status: 200,
      body: result,
      log: {
        source: result.source,
        triageLevel: result.triageLevel,
        symptoms: request.symptoms.length,
        freeText: request.freeText !== undefined,
        ...(result.degradedReason ? { degradedReason: result.degradedReason } : {}),
        ...(result.redFlags ? { redFlags: result.redFlags.join(",") } : {}),
      },
    };
  };
}

/** The service definition main.ts runs and tests start on 127.0.0.1. */
export function triageService(
  deps: TriageDeps,
  readiness?: () => Promise<boolean>,
): ServiceOptions {
  return {
    name: "symptom-triage",
    routes: { "POST /triage": createTriageRoute(deps) },
    logger: deps.logger,
    readiness,
    maxBodyBytes: 16 * 1024,
  };
}
