/**
 * Canary: every handler under functions/<name>/handler.ts runs on inputs full of planted identifiers (names,
 * SSNs, MRNs, phone numbers, e-mail addresses, patient and device ids), with its dependencies failing in ways that
 * echo those identifiers in their own error messages. None of them may appear in any log line the handler emits,
 * in any error message it returns or records, or in any HTTP response body.
 */
import * as fs from "fs";
import * as path from "path";
import { mockClient } from "aws-sdk-client-mock";
import {
  ChimeSDKMeetingsClient,
  CreateMeetingWithAttendeesCommand,
  GetMeetingCommand,
  ServiceFailureException,
} from "@aws-sdk/client-chime-sdk-meetings";
import { createLogger } from "../../functions/lib/logging";
import * as vitals from "../../functions/vitals-anomaly/handler";
import * as video from "../../functions/video-meeting/handler";
import {
  MemoryAlertSink,
  MemoryDeadLetterSink,
  MemoryStateStore,
  fixedClock,
} from "../../functions/vitals-anomaly/memory";
import type { DeadLetter } from "../../functions/vitals-anomaly/types";
import { MemoryAppointmentStore, MemoryMeetingStore } from "../../functions/video-meeting/memory";
import { b64, eventOf } from "./vitals/helpers";
import { apiEvent } from "./video/helpers";
import { createService } from "../../functions/lib/http/service";
import { triageService } from "../../functions/symptom-triage/handler";
import { riskService } from "../../functions/risk-inference/handler";
import { VertexPredictor } from "../../functions/risk-inference/vertex";
import { helpers } from "@google-cloud/aiplatform";
import { SETTINGS, answer, completion, json, transport } from "./triage/transport";
import { FhirClient } from "../../functions/lib/fhir/client";
import { gatewayService } from "../../functions/fhir-gateway/handler";
import { erasureService } from "../../functions/gdpr-erasure/handler";
import { FhirTaskProgressStore } from "../../functions/gdpr-erasure/progress";
import { startFhirStandIn } from "./fhir/server";

const PATIENT_ID = "pat-7734-canary";
const PLANTED = {
  name: "Johnathan Quixote-Smithers",
  ssn: "123-45-6789",
  mrn: "MRN-00451237",
  phone: "+1 (617) 555-0199",
  email: "j.quixote@example.com",
  patientId: PATIENT_ID,
  patientSub: "5f0c1d2e-canary-patient-sub",
  clinicianSub: "9a8b7c6d-canary-doctor-sub",
  appointmentId: "appt-MRN00451237",
  device: "SN-99887766",
};
const NOW = Date.parse("2026-11-23T12:00:00Z");
const KEY = "canary-key-0123456789abcdef0123456789";

interface Run {
  /** Every log line emitted while the handler ran. */
  readonly lines: string[];
  /** Error messages and response bodies the handler produced. */
  readonly outputs: string[];
}

function capture() {
  const lines: string[] = [];
  return {
    lines,
    logger: (service: string) =>
      createLogger({
        serviceName: service,
        pseudonymKey: KEY,
        logLevel: "DEBUG",
        logFn: (l) => lines.push(l),
      }),
  };
}

function leaking(text: string): string[] {
  const lower = text.toLowerCase();
  return Object.entries(PLANTED)
    .filter(([, value]) => lower.includes(value.toLowerCase()))
    .map(([kind]) => kind);
}

function poison(message: string): Error {
  return new Error(
    `${message} for ${PLANTED.name} (${PLANTED.ssn}, ${PLANTED.mrn}, ${PATIENT_ID}, ${PLANTED.email})`,
  );
}

async function runVitals(): Promise<Run> {
  const { lines, logger } = capture();
  const outputs: string[] = [];
  const reading = (minute: number, value: number, extra: object = {}) => ({
    patient: PATIENT_ID,
    device: PLANTED.device,
    ts: NOW - 3600_000 + minute * 60_000,
    type: "hr",
    value,
    unit: "/min",
    ...extra,
  });
  const payloads: unknown[] = [
    ...Array.from({ length: 30 }, (_, i) => reading(i, 70 + (i % 4))),
    reading(30, 180),
    reading(31, 70, { type: PLANTED.ssn }),
    reading(32, 70, { unit: PLANTED.email }),
    reading(33, 70, { patient: PLANTED.name }),
    reading(34, 70, { ts: PLANTED.phone }),
    reading(35, 70, { device: `${PLANTED.device} ${PLANTED.name} ${"x".repeat(200)}` }),
    reading(36, 123456789),
    b64(`{"patient":"${PATIENT_ID}","note":"${PLANTED.name} ${PLANTED.ssn}"`),
    `${PLANTED.ssn}!!`,
    {
      resourceType: "Observation",
      status: PLANTED.mrn,
      code: { coding: [{ system: "http://loinc.org", code: PLANTED.mrn }] },
      subject: { reference: `Patient/${PATIENT_ID}`, display: PLANTED.name },
    },
    {
      resourceType: "Observation",
      status: "final",
      code: { coding: [{ system: "http://loinc.org", code: "8867-4" }] },
      subject: { reference: `Patient/${PATIENT_ID}`, display: PLANTED.name },
      effectiveDateTime: PLANTED.phone,
      valueQuantity: { value: 80, system: "http://unitsofmeasure.org", code: "/min" },
    },
  ];
  const deadLetters = new MemoryDeadLetterSink();
  const clean = vitals.createHandler({
    stateStore: new MemoryStateStore(),
    alertSink: new MemoryAlertSink(),
    deadLetterSink: deadLetters,
    clock: fixedClock(NOW),
    logger: logger("vitals-anomaly"),
  });
  outputs.push(JSON.stringify(await clean(eventOf(payloads))));
  const details = [...deadLetters.letters.values()].map(
    (l: DeadLetter) => `${l.reason}: ${l.detail}`,
  );
  expect(details.length).toBeGreaterThanOrEqual(9);
  outputs.push(...details);

  const failing = vitals.createHandler({
    stateStore: {
      load: async () => {
        throw poison("state read failed");
      },
      save: async () => {
        throw poison("state write failed");
      },
    },
    alertSink: {
      publish: async () => {
        throw poison("alert publish failed");
      },
    },
    deadLetterSink: {
      send: async () => {
        throw poison("dead letter failed");
      },
    },
    clock: fixedClock(NOW),
    logger: logger("vitals-anomaly"),
  });
  outputs.push(JSON.stringify(await failing(eventOf(payloads))));
  await vitals.handler({ Records: [] }).catch((err: Error) => outputs.push(err.message));
  return { lines, outputs };
}

async function runVideo(): Promise<Run> {
  const { lines, logger } = capture();
  const outputs: string[] = [];
  const chime = mockClient(ChimeSDKMeetingsClient);
  chime.on(CreateMeetingWithAttendeesCommand).callsFake((input) => ({
    Meeting: {
      MeetingId: "m-1",
      MediaRegion: input.MediaRegion,
      ExternalMeetingId: input.ExternalMeetingId,
    },
    Attendees: input.Attendees.map((a: { ExternalUserId: string }, i: number) => ({
      AttendeeId: `att-${i}`,
      ExternalUserId: a.ExternalUserId,
      JoinToken: `join-${i}`,
    })),
  }));
  chime.on(GetMeetingCommand).resolves({ Meeting: { MeetingId: "m-1" } });
  const appointment = {
    appointmentId: PLANTED.appointmentId,
    patientUserId: PLANTED.patientSub,
    clinicianUserIds: [PLANTED.clinicianSub],
  };
  const deps = {
    chime: new ChimeSDKMeetingsClient({ region: "eu-central-1" }),
    appointments: new MemoryAppointmentStore([appointment]),
    meetings: new MemoryMeetingStore(),
    clock: fixedClock(NOW),
    logger: logger("video-meeting"),
    config: { mediaRegions: ["eu-central-1", "eu-west-1"], idKey: KEY },
  };
  const handle = video.createHandler(deps);
  const patientClaims = {
    sub: PLANTED.patientSub,
    email: PLANTED.email,
    name: PLANTED.name,
    phone_number: PLANTED.phone,
  };
  const doctorClaims = {
    sub: PLANTED.clinicianSub,
    "cognito:groups": "[doctor]",
    email: PLANTED.email,
  };
  const events = [
    apiEvent(PLANTED.appointmentId, patientClaims),
    apiEvent(
      PLANTED.appointmentId,
      doctorClaims,
      JSON.stringify({ mediaRegion: PLANTED.name, note: PLANTED.ssn }),
    ),
    apiEvent(PLANTED.appointmentId, doctorClaims, JSON.stringify({ mediaRegion: "eu-west-1" })),
    apiEvent(PLANTED.appointmentId, { sub: PATIENT_ID, "cognito:groups": `[${PLANTED.ssn}]` }),
    apiEvent(PLANTED.mrn, patientClaims),
    apiEvent(`${PLANTED.name} ${PLANTED.ssn}`, patientClaims),
    apiEvent(PLANTED.appointmentId, undefined, PLANTED.email),
    apiEvent(PLANTED.appointmentId, patientClaims, `{"mediaRegion": "${PLANTED.phone}"`),
  ];
  for (const event of events) {
    const res = await handle(event);
    outputs.push(String(res.body));
  }
  const broken = video.createHandler({
    ...deps,
    meetings: new MemoryMeetingStore(),
    appointments: {
      get: async () => {
        throw poison("appointment read failed");
      },
    },
  });
  outputs.push(String((await broken(events[0])).body));
  chime
    .on(CreateMeetingWithAttendeesCommand)
    .rejects(
      new ServiceFailureException({ message: poison("chime failed").message, $metadata: {} }),
    );
  const chimeDown = video.createHandler({ ...deps, meetings: new MemoryMeetingStore() });
  outputs.push(String((await chimeDown(events[0])).body));
  await video.handler(events[0]).catch((err: Error) => outputs.push(err.message));
  chime.restore();
  return { lines, outputs };
}

/** POSTs each body to a container service on 127.0.0.1 and returns the response bodies. */
async function overHttp(
  service: Parameters<typeof createService>[0],
  route: string,
  bodies: unknown[],
): Promise<string[]> {
  const running = await createService(service).listen(0, "127.0.0.1");
  const out: string[] = [];
  try {
    for (const body of bodies) {
      const res = await fetch(`http://127.0.0.1:${running.port}${route}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: typeof body === "string" ? body : JSON.stringify(body),
      });
      out.push(await res.text());
    }
  } finally {
    await running.shutdown(100);
  }
  return out;
}

async function runTriage(): Promise<Run> {
  const { lines, logger } = capture();
  const echo = `${PLANTED.name} ${PLANTED.ssn} ${PLANTED.phone} ${PLANTED.email}`;
  // The model answers in every hostile way: echoing identifiers, error bodies quoting them, filters, limits.
  const t = transport(
    answer({
      triageLevel: "soon",
      reasons: [`Reported by ${PLANTED.name}`],
      advice: `Call ${PLANTED.phone}`,
    }),
    json(400, { error: { code: "content_filter", message: `filtered: ${echo}` } }),
    json(429, { error: { message: `rate limited for ${echo}` } }, { "retry-after": "0" }),
    json(500, { error: { message: `internal error for ${PLANTED.mrn}` } }),
    completion(`{"triageLevel":"soon","reasons":["${PLANTED.ssn}"],"advice":"${PLANTED.email}"}`),
    answer({
      triageLevel: "routine",
      reasons: ["Mild cough for a day."],
      advice: "Rest and drink fluids.",
    }),
  );
  const service = triageService({
    model: { client: t.client, deployment: SETTINGS.deployment, sleep: async () => undefined },
    logger: logger("symptom-triage"),
  });
  const freeText = `I am ${PLANTED.name}, SSN ${PLANTED.ssn}, ${PLANTED.mrn}, device ${PLANTED.device}, call ${PLANTED.phone} or ${PLANTED.email}. Mild cough.`;
  const outputs = await overHttp(service, "/triage", [
    ...Array.from({ length: 4 }, () => ({
      symptoms: [{ code: "cough", severity: "mild" }],
      freeText,
    })),
    { symptoms: [{ code: PLANTED.ssn, severity: "mild" }] },
    { symptoms: [{ code: "cough", severity: PLANTED.name }] },
    { symptoms: [{ code: "cough", severity: "mild" }], [PLANTED.mrn]: PLANTED.email },
    { symptoms: [{ code: "cough", severity: "mild" }], ageYears: PLANTED.phone },
    `{"symptoms": "${PLANTED.name}`,
  ]);
  // What left for the model is checked too: the free text's identifiers are redacted first.
  outputs.push(...t.sent.map((r) => JSON.stringify(r.body)));
  return { lines, outputs };
}

async function runRisk(): Promise<Run> {
  const { lines, logger } = capture();
  const observation = (
    code: string,
    value: number,
    unit: string,
    at: string,
    subject = PATIENT_ID,
  ) => ({
    resourceType: "Observation",
    id: PLANTED.mrn,
    identifier: [{ value: PLANTED.ssn }],
    status: "final",
    code: { coding: [{ system: "http://loinc.org", code }], text: PLANTED.name },
    subject: { reference: `Patient/${subject}`, display: PLANTED.name },
    device: { reference: `Device/${PLANTED.device}` },
    note: [{ text: `${PLANTED.phone} ${PLANTED.email}` }],
    effectiveDateTime: at,
    valueQuantity: { value, system: "http://unitsofmeasure.org", code: unit },
  });
  const bundle = (entries: unknown[]) => ({
    resourceType: "Bundle",
    type: "collection",
    entry: entries.map((resource) => ({ resource })),
  });
  const patient = {
    resourceType: "Patient",
    id: PATIENT_ID,
    name: [{ text: PLANTED.name }],
    identifier: [{ value: PLANTED.mrn }, { value: PLANTED.ssn }],
    telecom: [{ value: PLANTED.phone }, { value: PLANTED.email }],
  };
  const good = bundle([
    patient,
    observation("8867-4", 92, "/min", "2026-11-23T10:00:00Z"),
    observation("8867-4", 104, "/min", "2026-11-23T11:00:00Z"),
    observation("59408-5", 94, "%", "2026-11-23T11:00:00Z"),
  ]);
  const sent: unknown[] = [];
  const answers: Array<unknown | Error> = [
    {
      predictions: [helpers.toValue({ classes: ["0", "1"], scores: [0.3, 0.7] })],
      deployedModelId: "4455667788",
      modelVersionId: "3",
    },
    Object.assign(poison("14 UNAVAILABLE: upstream"), { code: 14 }),
    { predictions: [helpers.toValue({ label: PLANTED.name })], deployedModelId: "1" },
  ];
  const client = {
    projectLocationEndpointPath: (p: string, l: string, e: string) =>
      `projects/${p}/locations/${l}/endpoints/${e}`,
    predict: async (request: unknown) => {
      sent.push(request);
      const next = answers.shift() ?? answers[answers.length - 1];
      if (next instanceof Error) {
        throw next;
      }
      return [next, undefined, undefined];
    },
  } as unknown as ConstructorParameters<typeof VertexPredictor>[0];
  const predictor = new VertexPredictor(client, {
    project: "mediconnect-prod-eu",
    region: "europe-west3",
    endpointId: "1234567890",
  });
  const outputs = await overHttp(
    riskService({ predictor, logger: logger("risk-inference") }),
    "/risk",
    [
      good,
      good,
      good,
      bundle([patient]),
      bundle([
        observation("8867-4", 92, "/min", "2026-11-23T10:00:00Z"),
        observation("8867-4", 92, "/min", "2026-11-23T10:00:00Z", PLANTED.patientSub),
      ]),
      { resourceType: PLANTED.name, entry: [] },
      { resourceType: "Bundle", entry: { [PLANTED.ssn]: PLANTED.email } },
      `{"resourceType": "${PLANTED.mrn}`,
    ],
  );
  // The requests to Vertex AI are checked too: features only.
  outputs.push(...sent.map((r) => JSON.stringify(r)));
  return { lines, outputs };
}

/** The planted patient in a FHIR server, with data of their own and a Consent that denies everything. */
function plantedRecords(): Array<Record<string, unknown>> {
  const subject = { reference: `Patient/${PATIENT_ID}`, display: PLANTED.name };
  return [
    {
      resourceType: "Patient",
      id: PATIENT_ID,
      name: [{ text: PLANTED.name }],
      identifier: [{ value: PLANTED.mrn }, { value: PLANTED.ssn }],
      telecom: [{ value: PLANTED.phone }, { value: PLANTED.email }],
    },
    {
      resourceType: "Observation",
      id: PLANTED.mrn,
      status: "final",
      code: { text: PLANTED.name },
      subject,
      device: { reference: `Device/${PLANTED.device}` },
      effectiveDateTime: "2026-11-23T10:00:00Z",
    },
    {
      resourceType: "Consent",
      id: `consent-${PLANTED.appointmentId}`,
      status: "active",
      scope: {
        coding: [
          { system: "http://terminology.hl7.org/CodeSystem/consentscope", code: "patient-privacy" },
        ],
      },
      category: [{ text: PLANTED.name }],
      patient: subject,
      provision: { type: "deny" },
    },
  ];
}

/** fetch toward the stand-in that fails the n-th call with an error quoting the planted identifiers. */
function failingFetch(n: number): typeof fetch {
  let calls = 0;
  return async (input, init) => {
    calls += 1;
    if (calls === n) {
      throw poison("connection reset");
    }
    return fetch(input, init);
  };
}

async function overHttpGet(
  service: Parameters<typeof createService>[0],
  requests: Array<[string, Record<string, string>]>,
): Promise<string[]> {
  const running = await createService(service).listen(0, "127.0.0.1");
  const out: string[] = [];
  try {
    for (const [route, headers] of requests) {
      out.push(await (await fetch(`http://127.0.0.1:${running.port}${route}`, { headers })).text());
    }
  } finally {
    await running.shutdown(100);
  }
  return out;
}

async function runGateway(): Promise<Run> {
  const { lines, logger } = capture();
  const fhir = await startFhirStandIn();
  try {
    await fhir.seed(plantedRecords() as never);
    const service = gatewayService({
      fhir: new FhirClient({ baseUrl: fhir.baseUrl, fetch: failingFetch(7) }),
      logger: logger("fhir-gateway"),
      pseudonymKey: KEY,
    });
    const caller = { "x-purpose-of-use": "TREAT", "x-actor": "Practitioner/doc-1" };
    const outputs = await overHttpGet(service, [
      [`/fhir/Patient/${PATIENT_ID}`, caller],
      [`/fhir/Observation/${PLANTED.mrn}`, caller],
      [`/fhir/Observation?subject=Patient/${PATIENT_ID}`, caller],
      [`/fhir/Patient/${PATIENT_ID}`, { ...caller, "x-actor": PLANTED.name }],
      [`/fhir/Patient/${PATIENT_ID}`, { ...caller, "x-purpose-of-use": PLANTED.email }],
      [`/fhir/${encodeURIComponent(PLANTED.name)}`, caller],
      [`/fhir/Patient/${PATIENT_ID}`, caller],
      [`/fhir/Observation?${encodeURIComponent(PLANTED.ssn)}.x=${PLANTED.mrn}`, caller],
    ]);
    return { lines, outputs };
  } finally {
    await fhir.close();
  }
}

async function runErasure(): Promise<Run> {
  const { lines, logger } = capture();
  const fhir = await startFhirStandIn();
  try {
    await fhir.seed(plantedRecords() as never);
    const client = new FhirClient({ baseUrl: fhir.baseUrl, fetch: failingFetch(120) });
    const service = erasureService({
      fhir: client,
      progress: new FhirTaskProgressStore(new FhirClient({ baseUrl: fhir.baseUrl })),
      logger: logger("gdpr-erasure"),
      pseudonymKey: KEY,
    });
    const outputs = await overHttp(service, "/erasure", [
      { patient: PLANTED.name },
      { patient: `Patient/${PATIENT_ID}`, [PLANTED.mrn]: PLANTED.email },
      { patient: PLANTED.ssn },
      { patient: `Patient/${PATIENT_ID}` },
      { patient: `Patient/${PATIENT_ID}` },
      { patient: `Patient/${PATIENT_ID}` },
      `{"patient": "${PLANTED.name}`,
    ]);
    return { lines, outputs };
  } finally {
    await fhir.close();
  }
}

const DRIVERS: Record<string, () => Promise<Run>> = {
  "fhir-gateway": runGateway,
  "gdpr-erasure": runErasure,
  "vitals-anomaly": runVitals,
  "video-meeting": runVideo,
  "symptom-triage": runTriage,
  "risk-inference": runRisk,
};

const functionsDir = path.join(__dirname, "../../functions");
const handlers = fs
  .readdirSync(functionsDir)
  .filter((d) => d !== "lib" && fs.existsSync(path.join(functionsDir, d, "handler.ts")))
  .sort();

describe("PHI canary", () => {
  it("has a canary driver for every handler in functions/*/handler.ts", () => {
    expect(handlers.filter((h) => !(h in DRIVERS))).toEqual([]);
    expect(handlers).toEqual(expect.arrayContaining(Object.keys(DRIVERS)));
  });

  it.each(Object.keys(DRIVERS))("%s leaks no planted identifier", async (name) => {
    const { lines, outputs } = await DRIVERS[name]();
    expect(lines.length).toBeGreaterThanOrEqual(3);
    expect(outputs.length).toBeGreaterThanOrEqual(3);
    const leaks = [...lines, ...outputs].flatMap((text) =>
      leaking(text).map((kind) => `${kind} in ${text.slice(0, 300)}`),
    );
    expect(leaks).toEqual([]);
  });

  it("the leak detector finds a planted identifier in any case and nothing in clean text", () => {
    expect(leaking(`raw id ${PATIENT_ID.toUpperCase()} ${PLANTED.email}`)).toEqual([
      "email",
      "patientId",
    ]);
    expect(leaking(JSON.stringify({ patientRef: "p_0123abcd", status: 200 }))).toEqual([]);
  });
});
