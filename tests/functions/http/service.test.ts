/**
 * Both container services over real HTTP on 127.0.0.1: routes, health and readiness, problem+json errors, and a
 * graceful shutdown that turns readiness off and lets the request in flight finish.
 */
import { createLogger } from "../../../functions/lib/logging";
import { RunningService, createService } from "../../../functions/lib/http/service";
import { triageService } from "../../../functions/symptom-triage/handler";
import { riskService } from "../../../functions/risk-inference/handler";
import { GOOD, SETTINGS, answer, hang, transport } from "../triage/transport";

const logger = () => createLogger({ serviceName: "test", logFn: () => undefined });
let running: RunningService[] = [];

async function start(options: Parameters<typeof createService>[0]): Promise<string> {
  const service = await createService(options).listen(0, "127.0.0.1");
  running.push(service);
  return `http://127.0.0.1:${service.port}`;
}

afterEach(async () => {
  await Promise.all(running.map((s) => s.shutdown(100)));
  running = [];
});

const post = (url: string, body: unknown, type = "application/json") =>
  fetch(url, {
    method: "POST",
    headers: { "content-type": type },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });

describe("symptom-triage service", () => {
  const service = (ready = true) => {
    const t = transport(answer(GOOD));
    return triageService(
      { model: { client: t.client, deployment: SETTINGS.deployment }, logger: logger() },
      async () => ready,
    );
  };

  it("answers POST /triage, /healthz and /readyz", async () => {
    const base = await start(service());
    const res = await post(`${base}/triage`, { symptoms: [{ code: "cough", severity: "mild" }] });
    expect([res.status, res.headers.get("content-type"), res.headers.get("cache-control")]).toEqual(
      [200, "application/json", "no-store"],
    );
    expect(await res.json()).toMatchObject({ triageLevel: "soon", source: "model" });
    expect([
      (await fetch(`${base}/healthz`)).status,
      (await fetch(`${base}/readyz`)).status,
    ]).toEqual([200, 200]);
  });

  it("is not ready while its dependency check fails, yet alive", async () => {
    const base = await start(service(false));
    expect([
      (await fetch(`${base}/healthz`)).status,
      (await fetch(`${base}/readyz`)).status,
    ]).toEqual([200, 503]);
  });

  it("answers every client error with problem+json naming the problem", async () => {
    const base = await start(service());
    const cases: Array<[Promise<Response>, number, string]> = [
      [post(`${base}/triage`, { symptoms: [] }), 400, "invalid-request"],
      [post(`${base}/triage`, "{not json"), 400, "malformed-json"],
      [post(`${base}/triage`, "<x/>", "text/xml"), 415, "unsupported-media-type"],
      [post(`${base}/triage`, { freeText: "x".repeat(20000) }), 413, "body-too-large"],
      [fetch(`${base}/triage`), 405, "method-not-allowed"],
      [post(`${base}/admin`, {}), 404, "not-found"],
    ];
    for (const [pending, status, slug] of cases) {
      const res = await pending;
      expect([res.status, res.headers.get("content-type")]).toEqual([
        status,
        "application/problem+json",
      ]);
      expect(await res.json()).toMatchObject({
        type: `https://mediconnect.health/problems/${slug}`,
        status,
      });
    }
  });
});

describe("risk-inference service", () => {
  it("accepts application/fhir+json on POST /risk", async () => {
    const base = await start(
      riskService({
        predictor: {
          predict: async () => ({
            riskScore: 0.2,
            deployedModelId: "1",
            modelVersionId: null,
            model: null,
          }),
        },
        logger: logger(),
      }),
    );
    const bundle = {
      resourceType: "Bundle",
      type: "collection",
      entry: [
        {
          resource: {
            resourceType: "Observation",
            status: "final",
            code: { coding: [{ system: "http://loinc.org", code: "8867-4" }] },
            subject: { reference: "Patient/p1" },
            effectiveDateTime: "2026-11-23T10:00:00Z",
            valueQuantity: { value: 70, system: "http://unitsofmeasure.org", code: "/min" },
          },
        },
      ],
    };
    const res = await post(`${base}/risk`, bundle, "application/fhir+json");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      riskScore: 0.2,
      model: { deployedModelId: "1", modelVersionId: null, model: null },
      observationsUsed: 1,
      entriesIgnored: 0,
    });
  });
});

describe("graceful shutdown", () => {
  it("turns readiness off, refuses nothing in flight and closes when the request is done", async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    const service = await createService({
      name: "slow",
      logger: logger(),
      routes: {
        "POST /work": async () => {
          await gate;
          return { status: 200, body: { done: true } };
        },
      },
    }).listen(0, "127.0.0.1");
    const base = `http://127.0.0.1:${service.port}`;
    const inFlight = post(`${base}/work`, {});
    await new Promise((r) => setTimeout(r, 50));
    const closed = service.shutdown(5000);
    expect(service.accepting()).toBe(false);
    release();
    const res = await inFlight;
    expect([res.status, await res.json()]).toEqual([200, { done: true }]);
    await closed;
    expect(service.server.listening).toBe(false);
  });

  it("aborts a request still running when the grace period ends", async () => {
    const t = transport(hang);
    const service = await createService(
      triageService({
        model: {
          client: t.client,
          deployment: SETTINGS.deployment,
          retry: { attemptTimeoutMs: 60000 },
        },
        logger: logger(),
      }),
    ).listen(0, "127.0.0.1");
    const pending = post(`http://127.0.0.1:${service.port}/triage`, {
      symptoms: [{ code: "cough", severity: "mild" }],
    }).catch((e: Error) => e);
    await new Promise((r) => setTimeout(r, 50));
    const started = Date.now();
    await service.shutdown(100);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(service.server.listening).toBe(false);
    await pending;
  });
});
