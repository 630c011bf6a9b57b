/** Prefix routes and body-less methods of the shared HTTP service (functions/lib/http/service.ts). */
import { createLogger } from "../../../functions/lib/logging";
import { createService, JsonRoute, matchRoute } from "../../../functions/lib/http/service";

const noop: JsonRoute = async () => ({ status: 204, body: null });
const routes = {
  "GET /fhir/*": noop,
  "GET /fhir/Patient/*": noop,
  "GET /fhir/metadata": noop,
  "POST /erasure": noop,
};

describe("matchRoute", () => {
  it.each([
    ["GET", "/fhir/metadata", "GET /fhir/metadata"],
    ["GET", "/fhir/Patient/1", "GET /fhir/Patient/*"],
    ["GET", "/fhir/Observation", "GET /fhir/*"],
    ["GET", "/fhir", undefined],
    ["GET", "/fhirx/Patient", undefined],
    ["POST", "/fhir/Patient/1", undefined],
    ["POST", "/erasure", "POST /erasure"],
    ["POST", "/erasure/1", undefined],
  ])("%s %s -> %s", (method, path, expected) => {
    expect(matchRoute(routes, method, path)).toBe(expected);
  });
});

describe("a GET prefix route", () => {
  it("gets the URL and the headers, no body, and answers with its own content type", async () => {
    const seen: unknown[] = [];
    const service = await createService({
      name: "routes",
      logger: createLogger({ serviceName: "routes", logFn: () => undefined }),
      routes: {
        "GET /fhir/*": async (body, ctx) => {
          seen.push([
            body,
            ctx.url?.pathname,
            ctx.url?.searchParams.get("a"),
            ctx.headers?.["x-actor"],
          ]);
          return { status: 200, body: { ok: true }, contentType: "application/fhir+json" };
        },
      },
    }).listen(0, "127.0.0.1");
    try {
      const res = await fetch(`http://127.0.0.1:${service.port}/fhir/Patient/1?a=b`, {
        headers: { "x-actor": "Practitioner/1" },
      });
      expect([res.status, res.headers.get("content-type"), await res.json()]).toEqual([
        200,
        "application/fhir+json",
        { ok: true },
      ]);
      expect(seen).toEqual([[undefined, "/fhir/Patient/1", "b", "Practitioner/1"]]);
      const wrongMethod = await fetch(`http://127.0.0.1:${service.port}/fhir/Patient/1`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: "{}",
      });
      expect([
        wrongMethod.status,
        ((await wrongMethod.json()) as { detail: string }).detail,
      ]).toEqual([405, "this path accepts GET"]);
    } finally {
      await service.shutdown(100);
    }
  });
});
