/**
 * POST /risk: a FHIR Bundle of Observations in, a risk score and the model that produced it out. Features come
 * from Observation values only (features.ts); the predictor is injected (Vertex AI in main.ts, a stub in tests).
 */
import { ProblemError } from "../lib/http/service";
import type { JsonRoute, ServiceLogger, ServiceOptions } from "../lib/http/service";
import { extractFeatures } from "./features";
import { PredictionError, RiskPredictor } from "./vertex";

export interface RiskDeps {
  readonly predictor: RiskPredictor;
  readonly logger: ServiceLogger;
}

export interface RiskResult {
  readonly riskScore: number;
  readonly model: {
    readonly deployedModelId: string;
    readonly modelVersionId: string | null;
    readonly model: string | null;
  };
  readonly observationsUsed: number;
  readonly entriesIgnored: number;
}

export function createRiskRoute(deps: RiskDeps): JsonRoute {
  return async (body, ctx) => {
    const { features, used, ignored } = extractFeatures(body);
    let prediction;
    try {
      prediction = await deps.predictor.predict(features, ctx.signal);
    } catch (err) {
      const kind = err instanceof PredictionError ? err.kind : "unavailable";
      deps.logger.warn("risk-inference: prediction failed", {
        kind,
        errorName: err instanceof Error ? err.name : typeof err,
      });
      throw kind === "invalid-prediction"
        ? new ProblemError(
            502,
            "invalid-prediction",
            "Invalid prediction",
            "the model's answer was not a valid risk score; no score is returned",
          )
        : new ProblemError(
            503,
            "model-unavailable",
            "Model unavailable",
            "the risk model could not be reached; retry later",
          );
    }
    const result: RiskResult = {
      riskScore: prediction.riskScore,
      model: {
        deployedModelId: prediction.deployedModelId,
        modelVersionId: prediction.modelVersionId,
        model: prediction.model,
      },
      observationsUsed: used,
      entriesIgnored: ignored,
    };
    return {
      status: 200,
      body: result,
      log: { observations: used, ignored, deployedModelId: prediction.deployedModelId },
    };
  };
}

export function riskService(deps: RiskDeps, readiness?: () => Promise<boolean>): ServiceOptions {
  return {
    name: "risk-inference",
    routes: { "POST /risk": createRiskRoute(deps) },
    logger: deps.logger,
    readiness,
    maxBodyBytes: 2 * 1024 * 1024,
    contentTypes: ["application/fhir+json", "application/json"],
  };
}
