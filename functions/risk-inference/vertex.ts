/**
 * The Vertex AI side: one PredictionServiceClient on the regional endpoint, a predict call with the feature
 * instance, and a strict reading of the prediction (a finite risk score in [0, 1] and the deployed model that
 * produced it). Anything else is an invalid prediction, never a score.
 */
import { helpers, v1 } from "@google-cloud/aiplatform";

export interface VertexTarget {
  readonly project: string;
  readonly region: string;
  readonly endpointId: string;
}

export interface RiskPrediction {
  readonly riskScore: number;
  readonly deployedModelId: string;
  /** The model's version id; null when the endpoint does not report one. */
  readonly modelVersionId: string | null;
  /** The model resource name; null when not reported. */
  readonly model: string | null;
}

/** Why a prediction could not be used; names only, never values. */
export class PredictionError extends Error {
  constructor(
    readonly kind: "unavailable" | "invalid-prediction",
    detail: string,
  ) {
    super(detail);
    this.name = "PredictionError";
  }
}

export interface RiskPredictor {
  predict(instance: Record<string, number | null>, signal?: AbortSignal): Promise<RiskPrediction>;
}

/** The subset of PredictionServiceClient used here (tests pass a client whose inner call is stubbed). */
export type PredictionClient = Pick<
  InstanceType<typeof v1.PredictionServiceClient>,
  "predict" | "projectLocationEndpointPath"
>;

const REGION = /^[a-z]+-[a-z]+\d+$/;

/** `<region>-aiplatform.googleapis.com`: the regional endpoint that keeps requests in the region. */
export function regionalApiEndpoint(region: string): string {
  if (!REGION.test(region)) {
    throw new Error(
      `Vertex AI region ${JSON.stringify(region)} is not a region name; expected for example europe-west3`,
    );
  }
  return `${region}-aiplatform.googleapis.com`;
}

export function createPredictionClient(
  region: string,
  options: ConstructorParameters<typeof v1.PredictionServiceClient>[0] = {},
): InstanceType<typeof v1.PredictionServiceClient> {
  return new v1.PredictionServiceClient({ ...options, apiEndpoint: regionalApiEndpoint(region) });
}

function scoreOf(value: unknown, positiveClass: string): number | undefined {
  if (typeof value === "number") {
    return value;
  }
  if (Array.isArray(value) && value.length === 1) {
    return scoreOf(value[0], positiveClass);
  }
  if (typeof value !== "object" || value === null) {
    return undefined;
  }
  const v = value as Record<string, unknown>;
  for (const key of ["riskScore", "risk_score", "score", "probability", "value"]) {
    if (typeof v[key] === "number") {
      return v[key] as number;
    }
  }
  // AutoML / custom classification: parallel `classes` and `scores`.
  if (Array.isArray(v.classes) && Array.isArray(v.scores) && v.classes.length === v.scores.length) {
    const i = v.classes.map(String).indexOf(positiveClass);
    return i >= 0 && typeof v.scores[i] === "number" ? (v.scores[i] as number) : undefined;
  }
  return undefined;
}

/**
 * A google.protobuf.Value as plain JSON. `helpers.fromValue` accepts only struct values, while a model may predict
 * a bare number or a list; anything that is not a Value becomes undefined (and so an invalid prediction).
 */
export function fromProtoValue(value: unknown): unknown {
  if (typeof value !== "object" || value === null) {
    return undefined;
  }
  const v = value as Record<string, unknown>;
  // Decoded gRPC messages name the set member in `kind` (the others read as null from the prototype); plain
  // objects (helpers.toValue, JSON) carry only the set member as an own property.
  const kind =
    typeof v.kind === "string"
      ? v.kind
      : KINDS.find((k) => Object.prototype.hasOwnProperty.call(v, k) && v[k] !== undefined);
  switch (kind) {
    case "numberValue":
      return typeof v.numberValue === "number" ? v.numberValue : undefined;
    case "stringValue":
      return typeof v.stringValue === "string" ? v.stringValue : undefined;
    case "boolValue":
      return typeof v.boolValue === "boolean" ? v.boolValue : undefined;
    case "nullValue":
      return null;
    case "listValue": {
      const list = v.listValue as { values?: unknown[] } | null;
      return Array.isArray(list?.values) ? list.values.map(fromProtoValue) : [];
    }
    case "structValue": {
      const fields = (v.structValue as { fields?: Record<string, unknown> } | null)?.fields ?? {};
      return Object.fromEntries(Object.entries(fields).map(([k, f]) => [k, fromProtoValue(f)]));
    }
    default:
      return undefined;
  }
}

const KINDS = [
  "numberValue",
  "stringValue",
  "boolValue",
  "nullValue",
  "listValue",
  "structValue",
] as const;

export interface PredictResponseLike {
  readonly predictions?: unknown[] | null;
  readonly deployedModelId?: string | null;
  readonly modelVersionId?: string | null;
  readonly model?: string | null;
}

/** Reads the first prediction; throws PredictionError("invalid-prediction") for anything but one valid score. */
export function readPrediction(response: PredictResponseLike, positiveClass = "1"): RiskPrediction {
  const predictions = response.predictions ?? [];
  if (predictions.length !== 1) {
    throw new PredictionError(
      "invalid-prediction",
      `expected exactly one prediction, received ${predictions.length}`,
    );
  }
  const value = fromProtoValue(predictions[0]);
  const score = scoreOf(value, positiveClass);
  if (score === undefined || !Number.isFinite(score) || score < 0 || score > 1) {
    throw new PredictionError(
      "invalid-prediction",
      "expected a risk score: a number in [0, 1], {score}, {value} or {classes, scores} with the positive class",
    );
  }
  const deployedModelId = response.deployedModelId ?? "";
  if (!/^\d{1,30}$/.test(deployedModelId)) {
    throw new PredictionError(
      "invalid-prediction",
      "expected deployedModelId (a numeric id) with the prediction",
    );
  }
  return {
    riskScore: score,
    deployedModelId,
    modelVersionId: response.modelVersionId ? response.modelVersionId : null,
    model: response.model ? response.model : null,
  };
}

export interface VertexPredictorOptions {
  /** Deadline of one predict call in ms. @default 10000 */
  readonly timeoutMs?: number;
  /** Class whose score is the risk, for classification models. @default "1" */
  readonly positiveClass?: string;
}

export class VertexPredictor implements RiskPredictor {
  private readonly endpoint: string;

  constructor(
    private readonly client: PredictionClient,
    target: VertexTarget,
    private readonly options: VertexPredictorOptions = {},
  ) {
    this.endpoint = client.projectLocationEndpointPath(
      target.project,
      target.region,
      target.endpointId,
    );
  }

  async predict(
    instance: Record<string, number | null>,
    signal?: AbortSignal,
  ): Promise<RiskPrediction> {
    if (signal?.aborted) {
      throw new PredictionError("unavailable", "the request was cancelled");
    }
    let response: PredictResponseLike;
    try {
      [response] = (await this.client.predict(
        { endpoint: this.endpoint, instances: [helpers.toValue(instance)!] },
        { timeout: this.options.timeoutMs ?? 10_000 },
      )) as [PredictResponseLike, unknown, unknown];
    } catch (err) {
      // gRPC errors carry a numeric code; the message is not propagated (it may quote the request).
      const code = (err as { code?: unknown }).code;
      throw new PredictionError(
        "unavailable",
        `the Vertex AI endpoint did not answer (gRPC code ${typeof code === "number" ? code : "unknown"})`,
      );
    }
    return readPrediction(response, this.options.positiveClass ?? "1");
  }
}
