/**
 * The consent gateway end to end: node:http gateway on 127.0.0.1 in front of the in-process FHIR stand-in, seeded
 * with official R4 examples and the Consents of consents.ts.
 */
import type { Bundle, OperationOutcome, Resource } from "@medplum/fhirtypes";
import { FhirClient } from "../../../functions/lib/fhir/client";
import { createService, RunningService } from "../../../functions/lib/http/service";
import { createLogger, pseudonymize } from "../../../functions/lib/logging";
import { gatewayService } from "../../../functions/fhir-gateway/handler";
import { readSettings } from "../../../functions/fhir-gateway/main";
import {
  DOCTOR,
  F201_TREATMENT,
  NOW,
  XCDA_DRAFT,
  XCDA_EMERGENCY_ONLY,
  XCDA_EXPIRED,
} from "./consents";
import { fixture, StandIn, startFhirStandIn } from "./server";

const KEY = "gateway-test-key-0123456789abcdef0123456789";
const FIXTURES = [
  "Patient-f001.json",
  "Encounter-f001.json",
  "Condition-f001.json",
  "Consent-consent-example-notThem.json",
  "Consent-consent-example-basic.json",
  "Patient-f201.json",
  "Encounter-f201.json",
  "Condition-f201.json",
  "Condition-f202.json",
  "Condition-f205.json",
  "DiagnosticReport-f201.json",
  "Observation-f202.json",
  "Patient-xcda.json",
  "DocumentReference-example.json",
];
/** Identifiers of the seeded patients that must never reach a log line or an error. */
const PHI = [
  "f201",
  "f001",
  "xcda",
  "Roel",
  "Bor",
  "Pieter",
  "Heuvel",
  "Levin",
  "123456789",
  "738472983",
  "1960-03-13",
  "1944-11-17",
  "Encounter_Roel",
];

let fhir: StandIn;
let gateway: RunningService;
const lines: string[] = [];

beforeAll(async () => {
  fhir = await startFhirStandIn();
  await fhir.seed([
    ...FIXTURES.map((f) => fixture(f)),
    F201_TREATMENT,
    XCDA_EMERGENCY_ONLY,
    XCDA_DRAFT,
    XCDA_EXPIRED,
  ]);
  const logger = createLogger({ serviceName: "fhir-gateway", logFn: (l) => lines.push(l) });
  gateway = await createService(
    gatewayService({
      fhir: new FhirClient({ baseUrl: fhir.baseUrl }),
      logger,
      pseudonymKey: KEY,
      now: () => NOW,
    }),
  ).listen(0, "127.0.0.1");
});

afterAll(async () => {
  await gateway.shutdown(100);
  await fhir.close();
});

beforeEach(() => {
  lines.length = 0;
});

async function get(
  path: string,
  headers: Record<string, string> = { "x-purpose-of-use": "TREAT", "x-actor": DOCTOR },
): Promise<{ status: number; type: string | null; body: Record<string, unknown> }> {
  const res = await fetch(`http://127.0.0.1:${gateway.port}${path}`, { headers });
  return {
    status: res.status,
    type: res.headers.get("content-type"),
    body: (await res.json()) as Record<string, unknown>,
  };
}

function audits(): Array<Record<string, unknown>> {
  return lines
    .map((l) => JSON.parse(l) as Record<string, unknown>)
    .filter((l) => l.message === "fhir-gateway: audit");
}

const p = (value: string) => pseudonymize(value, KEY);

function ids(bundle: Record<string, unknown>): string[] {
  return ((bundle as unknown as Bundle).entry ?? []).map(
    (e) => `${e.resource?.resourceType}/${e.resource?.id}`,
  );
}

afterEach(() => {
  // No log line of any test names a seeded patient's identifier, name or birth date.
  for (const line of lines) {
    for (const value of PHI) {
      expect([value, line.includes(value)]).toEqual([value, false]);
    }
  }
});

describe("reads", () => {
  it("returns a resource the consent permits, with an audit line of pseudonyms and codes", async () => {
    const res = await get("/fhir/Condition/f201");
    expect(res.status).toBe(200);
    expect(res.type).toBe("application/fhir+json");
    expect((res.body as unknown as Resource).id).toBe("f201");
    expect(audits()).toEqual([
      expect.objectContaining({
        type: "rest",
        subtype: "read",
        action: "R",
        outcome: "0",
        purposeOfEvent: "TREAT",
        purposeSystem: "v3-ActReason",
        agentType: "Practitioner",
        agentWho: p(DOCTOR),
        entityType: "Condition",
        patientId: p("Patient/f201"),
        decision: "permit",
        reason: "permit",
        consent: p("Consent/f201-treatment"),
        rule: "provision",
      }),
    ]);
  });

  it.each([
    ["an Observation (nested class deny)", "/fhir/Observation/f202", "provision.provision[0]"],
    ["data dated 2012 (nested dataPeriod deny)", "/fhir/Condition/f202", "provision.provision[1]"],
    [
      "an undated Encounter under a dataPeriod deny (fails closed)",
      "/fhir/Encounter/f201",
      "provision.provision[1]",
    ],
  ])("denies %s with a 403 OperationOutcome", async (_name, path, rule) => {
    const res = await get(path);
    expect(res.status).toBe(403);
    expect(res.body).toEqual({
      resourceType: "OperationOutcome",
      issue: [
        {
          severity: "error",
          code: "forbidden",
          diagnostics: `${path.split("/")[2]}: no active patient-privacy Consent of the patient permits this access for the requesting actor and purpose of use (a consent rule denies it)`,
        },
      ],
    });
    expect(audits()).toEqual([
      expect.objectContaining({ outcome: "4", decision: "deny", reason: "deny", rule }),
    ]);
  });

  it.each([
    ["a purpose mismatch", { "x-purpose-of-use": "HPAYMT", "x-actor": DOCTOR }],
    ["an actor mismatch", { "x-purpose-of-use": "TREAT", "x-actor": "Practitioner/f204" }],
  ])("denies by default on %s", async (_name, headers) => {
    const res = await get("/fhir/Patient/f201", headers);
    expect(res.status).toBe(403);
    expect((res.body as unknown as OperationOutcome).issue?.[0]?.diagnostics).toBe(
      "Patient: no active patient-privacy Consent of the patient permits this access for the requesting actor and purpose of use",
    );
    expect(audits()).toEqual([expect.objectContaining({ decision: "deny", reason: "no-consent" })]);
  });

  it("denies with the official examples: an untyped root rule decides nothing, an ended period is skipped", async () => {
    const res = await get("/fhir/Encounter/f001", {
      "x-purpose-of-use": "TREAT",
      "x-actor": "Practitioner/f204",
    });
    expect(res.status).toBe(403);
    const [line] = audits();
    expect(line).toEqual(
      expect.objectContaining({ reason: "no-consent", "skipped.outside-period": 1 }),
    );
    expect(line.consent).toBeUndefined();
  });

  it("skips expired consents (drafts are not even fetched) and lets a nested permit except a root deny", async () => {
    const treat = await get("/fhir/DocumentReference/example", {
      "x-purpose-of-use": "TREAT",
      "x-actor": DOCTOR,
    });
    expect(treat.status).toBe(403);
    const emergency = await get("/fhir/DocumentReference/example", {
      "x-purpose-of-use": "ETREAT",
      "x-actor": "Practitioner/any-1",
    });
    expect(emergency.status).toBe(200);
    expect(audits()).toEqual([
      expect.objectContaining({
        decision: "deny",
        reason: "deny",
        rule: "provision",
        consent: p("Consent/xcda-emergency"),
        "skipped.outside-period": 1,
      }),
      expect.objectContaining({
        decision: "permit",
        rule: "provision.provision[0]",
        "skipped.outside-period": 1,
      }),
    ]);
    expect(lines.some((l) => l.includes("not-active"))).toBe(false);
    expect(fhir.requests).toContain("GET /Consent?patient=Patient%2Fxcda&status=active&_count=100");
  });

  it("answers 404 for a resource the server does not have", async () => {
    const res = await get("/fhir/Condition/nope");
    expect(res.status).toBe(404);
    expect(res.body).toEqual({
      resourceType: "OperationOutcome",
      issue: [{ severity: "error", code: "not-found", diagnostics: "Condition: no such resource" }],
    });
  });
});

describe("searches", () => {
  it("filters denied matches out and corrects Bundle.total", async () => {
    const upstream = (await (
      await fetch(`${fhir.baseUrl}/Condition?subject=Patient/f201&_total=accurate`)
    ).json()) as Bundle;
    expect(upstream.total).toBe(3);
    const res = await get("/fhir/Condition?subject=Patient/f201");
    expect(res.status).toBe(200);
    expect(ids(res.body).sort()).toEqual(["Condition/f201", "Condition/f205"]);
    expect(res.body.total).toBe(2);
    expect(audits()).toEqual([
      expect.objectContaining({
        subtype: "search-type",
        action: "E",
        outcome: "4",
        patientId: p("Patient/f201"),
        patients: 1,
        permitted: 2,
        denied: 1,
        "reason.permit": 2,
        "reason.deny": 1,
      }),
    ]);
  });

  it("pages through the gateway: links point at it, no total while more pages follow", async () => {
    const first = await get("/fhir/Condition?subject=Patient/f201&_count=1&_sort=_id");
    expect(ids(first.body)).toEqual(["Condition/f201"]);
    expect(first.body.total).toBeUndefined();
    const next = (first.body as unknown as Bundle).link?.find((l) => l.relation === "next")?.url;
    expect(next?.startsWith("/fhir/Condition?")).toBe(true);
    const second = await get(next as string);
    expect(second.status).toBe(200);
    // Condition f202 (2012) is denied: the page comes back empty rather than with it.
    expect(ids(second.body)).toEqual([]);
    const third = await get(
      ((second.body as unknown as Bundle).link ?? []).find((l) => l.relation === "next")
        ?.url as string,
    );
    expect(ids(third.body)).toEqual(["Condition/f205"]);
    expect(third.body.total).toBe(1);
  });

  it("returns nothing of patients without a permitting consent", async () => {
    const res = await get("/fhir/Encounter?subject=Patient/f001");
    expect(res.body).toEqual({ resourceType: "Bundle", type: "searchset", total: 0 });
  });
});

describe("input validation", () => {
  it.each([
    [
      "a missing purpose",
      "/fhir/Patient/f201",
      { "x-actor": DOCTOR },
      400,
      "header x-purpose-of-use: missing; expected the purpose of use, a v3 ActReason code such as TREAT or ETREAT, or <system>|<code>",
    ],
    [
      "a purpose that is not a code",
      "/fhir/Patient/f201",
      { "x-purpose-of-use": "Roel Bor treatment", "x-actor": DOCTOR },
      400,
      "header x-purpose-of-use: received a value of 18 characters that is not a code; expected a v3 ActReason code such as TREAT (letters, digits, . _ -) or <absolute system URI>|<code>",
    ],
    [
      "an actor of the wrong type",
      "/fhir/Patient/f201",
      { "x-purpose-of-use": "TREAT", "x-actor": "Observation/f202" },
      400,
      "header x-actor: received a value of 16 characters that is not a reference of an accepted type; expected <Type>/<id> with Type one of Practitioner, PractitionerRole, Organization, RelatedPerson, Patient, Device, CareTeam, Group and a FHIR id (1-64 of A-Z a-z 0-9 - .)",
    ],
    [
      "a type outside the compartment",
      "/fhir/Consent/f201-treatment",
      undefined,
      404,
      "path: the first segment after /fhir/ (a value of 7 characters) is not a served resource type; expected one of Patient, Observation, Encounter, Condition, DocumentReference, AllergyIntolerance, MedicationRequest, Procedure, DiagnosticReport, Immunization, CarePlan",
    ],
    [
      "_summary=count",
      "/fhir/Condition?subject=Patient/f201&_summary=count",
      undefined,
      400,
      "query: _summary must be one of true, false, text, data (count would reveal resources the consent denies)",
    ],
    [
      "_revinclude",
      "/fhir/Patient?_revinclude=Observation:subject",
      undefined,
      400,
      "query: parameter _revinclude is not served through the consent gateway; expected search criteria on the requested type only",
    ],
    [
      "a chained parameter",
      "/fhir/Condition?subject.name=Bor",
      undefined,
      400,
      'query: a parameter name of 12 characters is not a plain search parameter; expected a name (chained parameters with "." are not served) with an optional :modifier',
    ],
    [
      "_count above the page limit",
      "/fhir/Condition?_count=1000",
      undefined,
      400,
      "query: _count is a value of 4 characters; expected an integer from 1 to 100",
    ],
  ])(
    "rejects %s, naming the field and the shape only",
    async (_n, path, headers, status, detail) => {
      const res = await get(path, headers);
      expect(res.status).toBe(status);
      expect(res.type).toBe("application/fhir+json");
      expect((res.body as unknown as OperationOutcome).issue?.[0]?.diagnostics).toBe(detail);
      for (const value of PHI) {
        expect([value, detail.includes(value)]).toEqual([value, false]);
      }
    },
  );

  it("answers 504 without upstream details when the FHIR service does not answer", async () => {
    fhir.failAfter(1, () => true);
    try {
      const res = await get("/fhir/Patient/f201");
      expect(res.status).toBe(504);
      expect((res.body as unknown as OperationOutcome).issue?.[0]?.diagnostics).toBe(
        "the FHIR service could not answer the read of Patient; retry later",
      );
    } finally {
      fhir.recover();
    }
  });
});

describe("readSettings", () => {
  const env = {
    FHIR_URL: "https://ws-fhir.fhir.azurehealthcareapis.com/",
    AZURE_CLIENT_ID: "11111111-2222-3333-4444-555555555555",
    PHI_PSEUDONYM_KEY: KEY,
  };
  it("reads the FHIR URL without its trailing slash and optional categories", () => {
    expect(readSettings({ ...env, CONSENT_CATEGORIES: "http://loinc.org|59284-0" })).toEqual({
      fhirUrl: "https://ws-fhir.fhir.azurehealthcareapis.com",
      clientId: env.AZURE_CLIENT_ID,
      pseudonymKey: KEY,
      categories: [{ system: "http://loinc.org", code: "59284-0" }],
    });
  });
  it.each([
    [
      { FHIR_URL: "http://ws-fhir.fhir.azurehealthcareapis.com" },
      'environment variable FHIR_URL is "http://ws-fhir.fhir.azurehealthcareapis.com"; expected the FHIR service URL, https://<workspace>-<service>.fhir.azurehealthcareapis.com',
    ],
    [
      { PHI_PSEUDONYM_KEY: "short" },
      "environment variable PHI_PSEUDONYM_KEY has 5 characters; expected the HMAC key for pseudonyms in audit lines (at least 32 characters)",
    ],
    [
      { CONSENT_CATEGORIES: "59284-0" },
      'environment variable CONSENT_CATEGORIES holds "59284-0"; expected space-separated <system>|<code> codings, for example http://loinc.org|59284-0',
    ],
  ])("rejects %j", (override, message) => {
    expect(() => readSettings({ ...env, ...override })).toThrow(message);
  });
});
