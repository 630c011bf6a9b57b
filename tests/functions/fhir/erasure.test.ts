/**
 * GDPR erasure end to end: the erasure service on 127.0.0.1 against the in-process FHIR stand-in, seeded with the
 * official R4 examples of patient f201 (and of f001, which must survive), a Consent, and shared resources.
 */
import type { Flag, Group, Person, Resource, Task } from "@medplum/fhirtypes";
import { FhirClient } from "../../../functions/lib/fhir/client";
import { createService, RunningService } from "../../../functions/lib/http/service";
import { createLogger, pseudonymize } from "../../../functions/lib/logging";
import { plan } from "../../../functions/gdpr-erasure/discover";
import { referencesIn } from "../../../functions/lib/fhir/references";
import { METHOD } from "../../../functions/gdpr-erasure/erasure";
import {
  EXEMPTION_SYSTEM,
  parseRetentionRules,
  RetentionRule,
} from "../../../functions/gdpr-erasure/exemptions";
import { erasureService, parseErasureRequest } from "../../../functions/gdpr-erasure/handler";
import { FhirTaskProgressStore, PROGRESS_SYSTEM } from "../../../functions/gdpr-erasure/progress";
import { F201_TREATMENT, NOW } from "./consents";
import { fixture, StandIn, startFhirStandIn } from "./server";

const KEY = "erasure-test-key-0123456789abcdef0123456789";
const SUBJECT = pseudonymize("Patient/f201", KEY);

const F201_FILES = [
  "Patient-f201.json",
  "Encounter-f201.json",
  "Encounter-f202.json",
  "Condition-f201.json",
  "Condition-f202.json",
  "Condition-f205.json",
  "DiagnosticReport-f201.json",
  "Observation-f202.json",
];
const F001_FILES = ["Patient-f001.json", "Encounter-f001.json", "Condition-f001.json"];
const TEAM: Group = {
  resourceType: "Group",
  id: "ward-7",
  type: "person",
  actual: true,
  member: [{ entity: { reference: "Patient/f201" } }, { entity: { reference: "Patient/f001" } }],
};
const PERSON: Person = {
  resourceType: "Person",
  id: "roel-portal",
  link: [{ target: { reference: "Patient/f201" } }],
};
const PHI = [
  "f201",
  "Roel",
  "Bor",
  "123456789",
  "1960-03-13",
  "Encounter_Roel",
  "ward-7",
  "roel-portal",
];

interface Setup {
  fhir: StandIn;
  service: RunningService;
  lines: string[];
  seeded: Resource[];
}

async function setup(
  retention: RetentionRule[] = [],
  budgetMs?: number,
  extra: Resource[] = [],
): Promise<Setup> {
  const fhir = await startFhirStandIn();
  const seeded = [...F201_FILES.map((f) => fixture(f)), F201_TREATMENT, TEAM, PERSON, ...extra];
  await fhir.seed([...seeded, ...F001_FILES.map((f) => fixture(f))]);
  // A second version of one Condition: a hard delete must remove both.
  const condition = fixture("Condition-f205.json");
  await fhir.seed([{ ...condition, note: [{ text: "reviewed" }] } as Resource]);
  const lines: string[] = [];
  const client = new FhirClient({ baseUrl: fhir.baseUrl });
  const service = await createService(
    erasureService({
      fhir: client,
      progress: new FhirTaskProgressStore(client),
      logger: createLogger({ serviceName: "gdpr-erasure", logFn: (l) => lines.push(l) }),
      pseudonymKey: KEY,
      retention,
      now: () => NOW,
      ...(budgetMs !== undefined ? { budgetMs } : {}),
    }),
  ).listen(0, "127.0.0.1");
  return { fhir, service, lines, seeded };
}

async function teardown(s: Setup): Promise<void> {
  // No log line names the erased patient, their data or the shared resources' ids.
  for (const line of s.lines) {
    for (const value of PHI) {
      expect([value, line.includes(value)]).toEqual([value, false]);
    }
  }
  await s.service.shutdown(100);
  await s.fhir.close();
}

async function post(
  s: Setup,
  body: unknown,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`http://127.0.0.1:${s.service.port}/erasure`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const RECEIPT = {
  status: "completed",
  subject: SUBJECT,
  requestedAt: NOW.toISOString(),
  completedAt: NOW.toISOString(),
  deleted: {
    Condition: 3,
    Consent: 1,
    DiagnosticReport: 1,
    Encounter: 2,
    Observation: 1,
    Patient: 1,
  },
  unlinked: { Group: 1, Person: 1 },
  alreadyAbsent: {},
  totalDeleted: 9,
  attempts: 1,
  passes: 1,
  cycles: 0,
  method: METHOD,
};

function deletes(fhir: StandIn): string[] {
  return fhir.requests
    .filter((r) => r.startsWith("DELETE ") && r.endsWith("?hardDelete=true"))
    .map((r) => r.slice("DELETE /".length, -"?hardDelete=true".length));
}

function taskId(fhir: StandIn): string {
  const key = Object.keys(fhir.retained()).find((k) => k.startsWith("Task/"));
  return key as string;
}

describe("erasure", () => {
  let s: Setup;
  afterEach(() => teardown(s));

  it("hard-deletes the compartment, referrers first, unlinks shared resources and keeps a receipt only", async () => {
    s = await setup();
    const res = await post(s, { patient: "Patient/f201" });
    expect(res).toEqual({ status: 200, body: RECEIPT });

    // Nothing of f201 is stored any more, in any version; f001's data and the shared resources remain, the shared
    // ones in one version without the patient; the progress Task in one version (its history purged).
    expect(s.fhir.retained()).toEqual({
      "Condition/f001": 1,
      "Encounter/f001": 1,
      "Group/ward-7": 1,
      "Patient/f001": 1,
      "Person/roel-portal": 1,
      [taskId(s.fhir)]: 1,
    });
    const group = (await (await fetch(`${s.fhir.baseUrl}/Group/ward-7`)).json()) as Group;
    expect(group.member).toEqual([{ entity: { reference: "Patient/f001" } }]);
    expect(
      ((await (await fetch(`${s.fhir.baseUrl}/Person/roel-portal`)).json()) as Person).link,
    ).toBeUndefined();

    // Every deleted resource went after all deleted resources referencing it: no dangling reference at any time.
    const order = deletes(s.fhir);
    expect(order).toHaveLength(9);
    expect(order[order.length - 1]).toBe("Patient/f201");
    for (const r of s.seeded) {
      const self = `${r.resourceType}/${r.id}`;
      for (const target of referencesIn(r)) {
        if (order.includes(target) && order.includes(self)) {
          expect([self, target, order.indexOf(self) < order.indexOf(target)]).toEqual([
            self,
            target,
            true,
          ]);
        }
      }
    }
    // The shared resources were updated before anything was deleted, then their history purged.
    const firstDelete = s.fhir.requests.findIndex((r) => r.endsWith("?hardDelete=true"));
    expect(s.fhir.requests.indexOf("PUT /Group/ward-7")).toBeLessThan(firstDelete);
    expect(s.fhir.requests).toContain("DELETE /Group/ward-7/$purge-history");
    expect(s.fhir.requests).toContain("DELETE /Person/roel-portal/$purge-history");

    // The stored record is the receipt, nothing more.
    const tasks = (await (
      await fetch(
        `${s.fhir.baseUrl}/Task?identifier=${encodeURIComponent(`${PROGRESS_SYSTEM}|${SUBJECT}`)}`,
      )
    ).json()) as { entry: Array<{ resource: Task }> };
    expect(tasks.entry).toHaveLength(1);
    const stored = tasks.entry[0].resource;
    expect(stored.status).toBe("completed");
    expect(
      JSON.parse(
        Buffer.from(stored.input?.[0]?.valueAttachment?.data as string, "base64").toString(),
      ),
    ).toEqual(RECEIPT);

    // A repeated request answers with the same receipt and changes nothing.
    const before = s.fhir.requests.length;
    expect(await post(s, { patient: "Patient/f201" })).toEqual({ status: 200, body: RECEIPT });
    expect(s.fhir.requests.slice(before).filter((r) => !r.startsWith("GET "))).toEqual([]);
  });

  it("finishes the job on a retry after a crash half-way, counting the step the crash hid", async () => {
    s = await setup();
    // The 4th hard delete is carried out, but the service never hears back (a crash right after sending).
    s.fhir.failAfter(4, (m, p) => m === "DELETE" && !p.endsWith("$purge-history"), true);
    const crashed = await post(s, { patient: "Patient/f201" });
    expect(crashed).toEqual({
      status: 503,
      body: {
        type: "https://mediconnect.health/problems/fhir-unavailable",
        title: "FHIR service unavailable",
        status: 503,
        detail: expect.stringMatching(
          /^the FHIR service failed during the delete of [A-Za-z]+; the progress is saved: repeat the same request to continue$/,
        ),
      },
    });
    expect(deletes(s.fhir)).toHaveLength(4);
    s.fhir.recover();

    const retried = await post(s, { patient: "Patient/f201" });
    expect(retried).toEqual({ status: 200, body: { ...RECEIPT, attempts: 2 } });
    // Each resource was deleted once, except the one whose answer was lost, which was tried again (absent).
    const order = deletes(s.fhir);
    expect(order).toHaveLength(10);
    expect(new Set(order).size).toBe(9);
    expect(order[4]).toBe(order[3]);
    expect(Object.keys(s.fhir.retained()).filter((k) => k.includes("f201"))).toEqual([]);
  });

  it("pauses when its time budget is spent and continues on the next request", async () => {
    s = await setup([], -1);
    expect(await post(s, { patient: "Patient/f201" })).toEqual({
      status: 202,
      body: { status: "in-progress", subject: SUBJECT, done: 0, remaining: 11 },
    });
    expect(deletes(s.fhir)).toEqual([]);
  });

  it("refuses under a legal hold Flag and deletes nothing", async () => {
    const hold: Flag = {
      resourceType: "Flag",
      id: "hold-1",
      status: "active",
      code: { coding: [{ system: EXEMPTION_SYSTEM, code: "legal-hold" }] },
      subject: { reference: "Patient/f201" },
    };
    s = await setup([], undefined, [hold]);
    const res = await post(s, { patient: "Patient/f201" });
    expect(res).toEqual({
      status: 409,
      body: {
        type: "https://mediconnect.health/problems/erasure-exempt",
        title: "Erasure refused",
        status: 409,
        detail:
          "the erasure is refused under GDPR Art. 17(3)(e); nothing was deleted by this request",
        subject: SUBJECT,
        exemptions: [
          {
            exemption: "legal-hold",
            article: "GDPR Art. 17(3)(e)",
            resourceType: "Flag",
            count: 1,
          },
        ],
      },
    });
    expect(s.fhir.requests.filter((r) => !r.startsWith("GET "))).toEqual([]);
  });

  it.each<[string, RetentionRule, number | undefined]>([
    [
      "refuses records inside a retention period",
      { resourceType: "Condition", years: 20, basis: "records act s. 3" },
      3,
    ],
    [
      "erases records past their retention period",
      { resourceType: "Condition", years: 10, basis: "records act s. 3" },
      undefined,
    ],
  ])("%s", async (_name, rule, count) => {
    s = await setup([rule]);
    const res = await post(s, { patient: "Patient/f201" });
    if (count === undefined) {
      expect(res).toEqual({ status: 200, body: RECEIPT });
    } else {
      expect(res.status).toBe(409);
      expect(res.body.exemptions).toEqual([
        {
          exemption: "retention",
          article: "GDPR Art. 17(3)(b)",
          resourceType: "Condition",
          count,
          basis: "records act s. 3",
          years: 20,
        },
      ]);
      expect(deletes(s.fhir)).toEqual([]);
    }
  });

  it("answers 404 for a patient the server never had", async () => {
    s = await setup();
    expect(await post(s, { patient: "Patient/nobody" })).toEqual({
      status: 404,
      body: {
        type: "https://mediconnect.health/problems/patient-not-found",
        title: "Nothing to erase",
        status: 404,
        detail:
          "patient: the FHIR service holds no such patient and nothing in its compartment, and no erasure of it is recorded",
      },
    });
  });
});

describe("plan", () => {
  it("breaks a reference cycle once and still deletes the Patient last", () => {
    const found = new Map<string, Resource>([
      ["Patient/p", { resourceType: "Patient", id: "p" }],
      [
        "Encounter/a",
        {
          resourceType: "Encounter",
          id: "a",
          status: "finished",
          class: { code: "AMB" },
          subject: { reference: "Patient/p" },
          partOf: { reference: "Encounter/b" },
        },
      ],
      [
        "Encounter/b",
        {
          resourceType: "Encounter",
          id: "b",
          status: "finished",
          class: { code: "AMB" },
          subject: { reference: "Patient/p" },
          partOf: { reference: "Encounter/a" },
        },
      ],
      [
        "Group/g",
        {
          resourceType: "Group",
          id: "g",
          type: "person",
          actual: true,
          member: [{ entity: { reference: "Patient/p" } }],
        },
      ],
    ]);
    expect(plan(found, "p")).toEqual({
      steps: [
        { op: "unlink", ref: "Group/g" },
        { op: "delete", ref: "Encounter/a" },
        { op: "delete", ref: "Encounter/b" },
        { op: "delete", ref: "Patient/p" },
      ],
      cycles: 1,
    });
  });
});

describe("input", () => {
  it.each([
    [[], '(body): received a list; expected an object {"patient": "Patient/<id>"}'],
    [
      { patient: "Roel Bor" },
      'patient: received a string of 8 characters that is not a Patient reference; expected "Patient/<id>" with a FHIR id (1-64 of A-Z a-z 0-9 - .)',
    ],
    [
      { patient: "Patient/f201", name: "Roel" },
      '(body): 2 properties; expected only the property "patient"',
    ],
    [{ patient: 201 }, 'patient: received a number; expected a string "Patient/<id>"'],
  ])("rejects %j naming the field, never the value", (body, detail) => {
    expect(() => parseErasureRequest(body)).toThrow(detail);
  });

  it.each([
    [
      "[1]",
      "ERASURE_RETENTION[0].resourceType is undefined; expected one of Observation, Encounter, Condition, DocumentReference, AllergyIntolerance, MedicationRequest, Procedure, DiagnosticReport, Immunization, CarePlan",
    ],
    [
      '[{"resourceType":"Condition","years":0,"basis":"law"}]',
      "ERASURE_RETENTION[0].years is 0; expected a whole number of years, 1 to 100",
    ],
    [
      "{",
      'ERASURE_RETENTION is not valid JSON; expected a list such as [{"resourceType":"DocumentReference","years":10,"basis":"..."}]',
    ],
  ])("rejects the retention configuration %s", (text, message) => {
    expect(() => parseRetentionRules(text)).toThrow(message);
  });
});
