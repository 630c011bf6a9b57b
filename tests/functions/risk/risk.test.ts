/**
 * Risk inference offline: a real PredictionServiceClient on the regional endpoint with bogus credentials, its
 * inner predict call stubbed, as Google's generated tests do.
 */
import * as fs from "fs";
import * as path from "path";
import { helpers, protos } from "@google-cloud/aiplatform";
import { createLogger } from "../../../functions/lib/logging";
import { ProblemError } from "../../../functions/lib/http/service";
import { FEATURE_NAMES, extractFeatures } from "../../../functions/risk-inference/features";
import { createRiskRoute } from "../../../functions/risk-inference/handler";
import { readTarget } from "../../../functions/risk-inference/main";
import {
  PredictionError,
  VertexPredictor,
  createPredictionClient,
  readPrediction,
} from "../../../functions/risk-inference/vertex";

const fixtures = path.join(__dirname, "../../fixtures/fhir-r4");
const load = (name: string) =>
  JSON.parse(fs.readFileSync(path.join(fixtures, `${name}.json`), "utf8"));

const PLANTED = {
  name: "Johnathan Quixote-Smithers",
  mrn: "MRN-00451237",
  ssn: "123-45-6789",
  phone: "+1 (617) 555-0199",
  patientId: "pat-7734-canary",
  device: "SN-99887766",
  practitioner: "Dr Evelyn Marchbanks",
};

function observation(code: string, value: number, unit: string, at: string, extra: object = {}) {
  return {
    resourceType: "Observation",
    id: `obs-${code}-${at}`,
    identifier: [{ system: "urn:mrn", value: PLANTED.mrn }],
    status: "final",
    category: [
      {
        coding: [
          {
            system: "http://terminology.hl7.org/CodeSystem/observation-category",
            code: "vital-signs",
          },
        ],
      },
    ],
    code: { coding: [{ system: "http://loinc.org", code }], text: `${PLANTED.name}'s reading` },
    subject: { reference: `Patient/${PLANTED.patientId}`, display: PLANTED.name },
    performer: [{ reference: "Practitioner/1", display: PLANTED.practitioner }],
    device: { reference: `Device/${PLANTED.device}`, display: PLANTED.device },
    note: [{ text: `Called ${PLANTED.phone}, SSN ${PLANTED.ssn}` }],
    effectiveDateTime: at,
    valueQuantity: { value, unit, system: "http://unitsofmeasure.org", code: unit },
    ...extra,
  };
}

/** One patient's bundle: the patient resource itself, identifiers everywhere, and vital signs over two hours. */
export function plantedBundle() {
  return {
    resourceType: "Bundle",
    type: "collection",
    identifier: { system: "urn:bundle", value: PLANTED.mrn },
    entry: [
      {
        fullUrl: `urn:uuid:${PLANTED.patientId}`,
        resource: {
          resourceType: "Patient",
          id: PLANTED.patientId,
          identifier: [{ value: PLANTED.mrn }, { value: PLANTED.ssn }],
          name: [{ text: PLANTED.name }],
          telecom: [{ system: "phone", value: PLANTED.phone }],
        },
      },
      { resource: observation("8867-4", 88, "/min", "2026-11-23T10:00:00Z") },
      { resource: observation("8867-4", 96, "/min", "2026-11-23T11:00:00Z") },
      { resource: observation("8867-4", 110, "/min", "2026-11-23T12:00:00Z") },
      { resource: observation("59408-5", 93, "%", "2026-11-23T12:00:00Z") },
      { resource: observation("8310-5", 38.4, "Cel", "2026-11-23T11:30:00Z") },
      { resource: observation("9279-1", 24, "/min", "2026-11-23T11:45:00Z") },
      { resource: { resourceType: "Condition", id: "c1", subject: { display: PLANTED.name } } },
    ],
  };
}

/** helpers.toValue is typed for objects; it converts numbers, strings and lists too. */
const toValue = (x: unknown) => helpers.toValue(x as object)!;

const TARGET = { project: "mediconnect-prod-eu", region: "europe-west3", endpointId: "1234567890" };

function stubbedClient(response: unknown | Error) {
  const client = createPredictionClient(TARGET.region, {
    credentials: { client_email: "bogus", private_key: "bogus" },
    projectId: "bogus",
  });
  const calls: Array<{ request: any; options: any }> = [];
  return client.initialize().then(() => {
    (client as any).innerApiCalls.predict = async (request: unknown, options: unknown) => {
      calls.push({ request, options });
      if (response instanceof Error) {
        throw response;
      }
      return [response, undefined, undefined];
    };
    return { client, calls };
  });
}

const logger = (lines: string[] = []) =>
  createLogger({ serviceName: "risk-inference", logFn: (l) => lines.push(l) });
const ctx = () => ({ requestId: "r", signal: new AbortController().signal });

const GOOD_RESPONSE = {
  predictions: [toValue({ classes: ["0", "1"], scores: [0.27, 0.73] })],
  deployedModelId: "4455667788",
  modelVersionId: "3",
  model: "projects/123/locations/europe-west3/models/987",
};

describe("feature extraction", () => {
  it("derives the fixed feature set from Observation values only", () => {
    const { features, used, ignored } = extractFeatures(plantedBundle());
    expect(Object.keys(features)).toEqual(FEATURE_NAMES);
    expect([used, ignored]).toEqual([6, 2]);
    expect({
      hr: [
        features.hr_last,
        features.hr_mean,
        features.hr_min,
        features.hr_max,
        features.hr_count,
        features.hr_slope_per_hour,
      ],
      spo2: [features.spo2_last, features.spo2_count, features.spo2_slope_per_hour],
      temp: features.temp_last,
      rr: features.rr_last,
      sbp: [features.sbp_last, features.sbp_count],
      span: features.span_hours,
    }).toEqual({
      hr: [110, 98, 88, 110, 3, 11],
      spo2: [93, 1, null],
      temp: 38.4,
      rr: 24,
      sbp: [null, 0],
      span: 2,
    });
  });

  it("reads the official R4 examples, blood pressure panels included", () => {
    const bundle = {
      resourceType: "Bundle",
      type: "collection",
      entry: [
        "Observation-heart-rate",
        "Observation-blood-pressure",
        "Observation-body-temperature",
        "Observation-respiratory-rate",
        "Patient-example",
      ].map((n) => ({ resource: load(n) })),
    };
    const { features, used, ignored } = extractFeatures(bundle);
    expect([used, ignored]).toEqual([4, 1]);
    expect([
      features.hr_last,
      features.sbp_last,
      features.dbp_last,
      features.temp_last,
      features.rr_last,
    ]).toEqual([44, 107, 60, 36.5, 26]);
  });

  it.each<[string, unknown, number, string]>([
    ["not a Bundle", { resourceType: "Patient" }, 400, 'resourceType: expected "Bundle"'],
    ["entry not an array", { resourceType: "Bundle", entry: {} }, 400, "entry: expected an array"],
    [
      "no vital signs",
      { resourceType: "Bundle", entry: [{ resource: load("Patient-example") }] },
      422,
      "no final vital-sign Observation",
    ],
    [
      "two patients",
      {
        resourceType: "Bundle",
        entry: [
          { resource: observation("8867-4", 80, "/min", "2026-11-23T10:00:00Z") },
          {
            resource: observation("8867-4", 80, "/min", "2026-11-23T10:00:00Z", {
              subject: { reference: "Patient/other-1" },
            }),
          },
        ],
      },
      422,
      "same subject",
    ],
  ])("rejects %s with a problem that quotes no identifier", (_label, body, status, detail) => {
    let error: unknown;
    try {
      extractFeatures(body);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ProblemError);
    expect([(error as ProblemError).status, (error as ProblemError).detail]).toEqual([
      status,
      expect.stringContaining(detail),
    ]);
    expect((error as ProblemError).detail).not.toMatch(/pat-7734|other-1|example/);
  });
});

describe("the request to Vertex AI", () => {
  it("uses the regional endpoint and the endpoint path from the configuration", async () => {
    const { client, calls } = await stubbedClient(GOOD_RESPONSE);
    expect((client as any)._opts.servicePath).toBe("europe-west3-aiplatform.googleapis.com");
    await new VertexPredictor(client, TARGET).predict({ hr_last: 80 });
    expect(calls[0].request.endpoint).toBe(
      "projects/mediconnect-prod-eu/locations/europe-west3/endpoints/1234567890",
    );
    expect(calls[0].options.timeout).toBe(10000);
  });

  it("carries no name, identifier, reference, free text or date of the Bundle", async () => {
    const { client, calls } = await stubbedClient(GOOD_RESPONSE);
    const route = createRiskRoute({
      predictor: new VertexPredictor(client, TARGET),
      logger: logger(),
    });
    const result = await route(plantedBundle(), ctx());
    expect(result.status).toBe(200);
    expect(calls).toHaveLength(1);
    const request = calls[0].request;
    expect(Object.keys(request).sort()).toEqual(["endpoint", "instances"]);
    expect(request.instances).toHaveLength(1);
    const instance = helpers.fromValue(request.instances[0]) as Record<string, unknown>;
    expect(Object.keys(instance)).toEqual(FEATURE_NAMES);
    expect(Object.values(instance).every((v) => v === null || typeof v === "number")).toBe(true);
    const sent = JSON.stringify(request);
    for (const value of [
      ...Object.values(PLANTED),
      "2026-11-23",
      "Patient",
      "Observation",
      "urn:",
    ]) {
      expect(sent).not.toContain(value);
    }
  });
});

describe("the prediction", () => {
  it("returns the risk score and the model version", async () => {
    const { client } = await stubbedClient(GOOD_RESPONSE);
    const route = createRiskRoute({
      predictor: new VertexPredictor(client, TARGET),
      logger: logger(),
    });
    expect((await route(plantedBundle(), ctx())).body).toEqual({
      riskScore: 0.73,
      model: {
        deployedModelId: "4455667788",
        modelVersionId: "3",
        model: "projects/123/locations/europe-west3/models/987",
      },
      observationsUsed: 6,
      entriesIgnored: 2,
    });
  });

  it.each<[string, unknown, number]>([
    ["a bare number", 0.4, 0.4],
    ["{score}", { score: 0.25 }, 0.25],
    ["{value}", { value: 0.9 }, 0.9],
    ["a one-element list", [0.1], 0.1],
    ["classes and scores", { classes: ["1", "0"], scores: [0.6, 0.4] }, 0.6],
  ])("reads %s", (_label, prediction, score) => {
    expect(
      readPrediction({ predictions: [toValue(prediction)!], deployedModelId: "1" }).riskScore,
    ).toBe(score);
  });

  it("reads a prediction decoded from the wire (oneof members null on the prototype)", () => {
    const V = protos.google.protobuf.Value;
    const wire = V.encode(
      V.fromObject({ structValue: { fields: { score: { numberValue: 0.3 } } } }),
    ).finish();
    expect(readPrediction({ predictions: [V.decode(wire)], deployedModelId: "7" }).riskScore).toBe(
      0.3,
    );
  });

  it.each<[string, object]>([
    ["no prediction", { predictions: [], deployedModelId: "1" }],
    ["two predictions", { predictions: [toValue(0.1), toValue(0.2)], deployedModelId: "1" }],
    ["a score above 1", { predictions: [toValue(1.7)], deployedModelId: "1" }],
    ["a negative score", { predictions: [toValue({ score: -0.1 })], deployedModelId: "1" }],
    ["a string", { predictions: [toValue("high")], deployedModelId: "1" }],
    [
      "no positive class",
      {
        predictions: [toValue({ classes: ["a", "b"], scores: [0.5, 0.5] })],
        deployedModelId: "1",
      },
    ],
    ["no deployed model id", { predictions: [toValue(0.5)] }],
  ])("rejects %s as an invalid prediction", (_label, response) => {
    expect(() => readPrediction(response)).toThrow(PredictionError);
  });

  it("an invalid prediction is a 502 problem, never a score", async () => {
    const { client } = await stubbedClient({ ...GOOD_RESPONSE, predictions: [toValue(3)] });
    const route = createRiskRoute({
      predictor: new VertexPredictor(client, TARGET),
      logger: logger(),
    });
    await expect(route(plantedBundle(), ctx())).rejects.toMatchObject({
      status: 502,
      slug: "invalid-prediction",
    });
  });

  it("an unreachable endpoint is a 503 problem whose detail and log line quote nothing of the error", async () => {
    const grpcError = Object.assign(new Error(`14 UNAVAILABLE: upstream saw ${PLANTED.name}`), {
      code: 14,
    });
    const { client } = await stubbedClient(grpcError);
    const lines: string[] = [];
    const route = createRiskRoute({
      predictor: new VertexPredictor(client, TARGET),
      logger: logger(lines),
    });
    const error = (await route(plantedBundle(), ctx()).catch((e: unknown) => e)) as ProblemError;
    expect([error.status, error.slug]).toEqual([503, "model-unavailable"]);
    expect(lines.join("\n")).toContain('"kind":"unavailable"');
    expect(lines.join("\n") + error.detail).not.toContain("Quixote");
  });
});

describe("environment", () => {
  it("reads the contract's variables", () => {
    expect(
      readTarget({
        VERTEX_PROJECT: "mediconnect-prod-eu",
        VERTEX_REGION: "europe-west3",
        VERTEX_ENDPOINT_ID: "1234567890",
      }),
    ).toEqual(TARGET);
  });

  it.each<[Record<string, string>, string]>([
    [
      { VERTEX_REGION: "europe-west3", VERTEX_ENDPOINT_ID: "1" },
      "environment variable VERTEX_PROJECT is not set",
    ],
    [
      {
        VERTEX_PROJECT: "mediconnect-prod-eu",
        VERTEX_REGION: "Europe West",
        VERTEX_ENDPOINT_ID: "1",
      },
      'VERTEX_REGION is "Europe West"',
    ],
    [
      {
        VERTEX_PROJECT: "mediconnect-prod-eu",
        VERTEX_REGION: "europe-west3",
        VERTEX_ENDPOINT_ID: "abc",
      },
      'VERTEX_ENDPOINT_ID is "abc"',
    ],
  ])("names the bad variable", (env, message) => {
    expect(() => readTarget(env)).toThrow(message);
  });
});
