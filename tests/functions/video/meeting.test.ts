import { mockClient } from "aws-sdk-client-mock";
import {
  ChimeSDKMeetingsClient,
  ConflictException,
  CreateAttendeeCommand,
  CreateMeetingWithAttendeesCommand,
  GetMeetingCommand,
  LimitExceededException,
  NotFoundException,
  ServiceFailureException,
  ThrottlingException,
} from "@aws-sdk/client-chime-sdk-meetings";
import { createHandler } from "../../../functions/video-meeting/handler";
import { parseGroups } from "../../../functions/video-meeting/auth";
import { opaqueId } from "../../../functions/video-meeting/ids";
import {
  MemoryAppointmentStore,
  MemoryMeetingStore,
} from "../../../functions/video-meeting/memory";
import { apiEvent } from "./helpers";

const KEY = "test-key-0123456789abcdef0123456789abcdef";
const EU = ["eu-central-1", "eu-west-1", "eu-west-2", "eu-west-3", "eu-south-1", "eu-north-1"];
const APPOINTMENT = {
  appointmentId: "appt-1",
  patientUserId: "sub-patient",
  clinicianUserIds: ["sub-doctor", "sub-nurse"],
};
const patient = { sub: "sub-patient", "cognito:groups": "[patient]" };
const doctor = { sub: "sub-doctor", "cognito:groups": "[doctor]" };
const nurse = { sub: "sub-nurse", "cognito:groups": "[nurse staff]" };

const chimeMock = mockClient(ChimeSDKMeetingsClient);

function attendee(user: string) {
  const ext = opaqueId(KEY, "user", user);
  return { AttendeeId: `att-${user}`, ExternalUserId: ext, JoinToken: `token-${user}` };
}

const MEETING = {
  MeetingId: "meeting-1",
  MediaRegion: "eu-central-1",
  ExternalMeetingId: opaqueId(KEY, "meeting", "appt-1"),
  MediaPlacement: { AudioHostUrl: "audio.example" },
};

function setup() {
  chimeMock.reset();
  chimeMock.on(CreateMeetingWithAttendeesCommand).resolves({
    Meeting: MEETING,
    Attendees: ["sub-patient", "sub-doctor", "sub-nurse"].map(attendee),
    Errors: [],
  });
  chimeMock.on(GetMeetingCommand).resolves({ Meeting: MEETING });
  const meetings = new MemoryMeetingStore();
  const lines: string[] = [];
  const logger = {
    info: (m: string, ...e: object[]) => lines.push(JSON.stringify([m, e])),
    warn: (m: string, ...e: object[]) => lines.push(JSON.stringify([m, e])),
    error: (m: string, ...e: object[]) => lines.push(JSON.stringify([m, e])),
  };
  const handle = createHandler({
    chime: new ChimeSDKMeetingsClient({ region: "eu-central-1" }),
    appointments: new MemoryAppointmentStore([APPOINTMENT]),
    meetings,
    clock: { now: () => 1_795_435_200_000 },
    logger,
    config: { mediaRegions: EU, idKey: KEY },
  });
  return { handle, meetings, lines };
}

function parse(result: Awaited<ReturnType<ReturnType<typeof setup>["handle"]>>) {
  return {
    status: result.statusCode,
    headers: result.headers,
    body: JSON.parse(result.body as string),
  };
}

describe("video meeting handler", () => {
  it("creates the meeting with every participant's opaque attendee and returns only the caller's", async () => {
    const { handle, meetings } = setup();
    const res = parse(await handle(apiEvent("appt-1", patient)));
    expect(res.status).toBe(201);
    expect(res.headers).toEqual({
      "content-type": "application/json",
      "cache-control": "no-store",
    });
    expect(res.body).toEqual({ meeting: MEETING, attendee: attendee("sub-patient") });
    const calls = chimeMock.commandCalls(CreateMeetingWithAttendeesCommand);
    expect(calls).toHaveLength(1);
    expect(calls[0].args[0].input).toEqual({
      ClientRequestToken: opaqueId(KEY, "token", "appt-1#0"),
      MediaRegion: "eu-central-1",
      ExternalMeetingId: opaqueId(KEY, "meeting", "appt-1"),
      Attendees: [
        { ExternalUserId: opaqueId(KEY, "user", "sub-patient") },
        { ExternalUserId: opaqueId(KEY, "user", "sub-doctor") },
        { ExternalUserId: opaqueId(KEY, "user", "sub-nurse") },
      ],
    });
    const input = JSON.stringify(calls[0].args[0].input);
    expect(input).not.toMatch(/appt-1|sub-patient|sub-doctor|sub-nurse/);
    expect(calls[0].args[0].input.ClientRequestToken).toMatch(/^t-[A-Za-z0-9_-]{43}$/);
    expect(meetings.items.get("appt-1")?.generation).toBe(0);
  });

  it("reuses the stored meeting: a clinician joining later gets the same meeting and its own attendee", async () => {
    const { handle } = setup();
    await handle(apiEvent("appt-1", patient));
    const res = parse(await handle(apiEvent("appt-1", nurse)));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ meeting: MEETING, attendee: attendee("sub-nurse") });
    expect(chimeMock.commandCalls(CreateMeetingWithAttendeesCommand)).toHaveLength(1);
    expect(chimeMock.commandCalls(GetMeetingCommand)[0].args[0].input).toEqual({
      MeetingId: "meeting-1",
    });
  });

  it("derives the same ClientRequestToken for the same appointment from independent instances", async () => {
    const a = setup();
    await a.handle(apiEvent("appt-1", doctor));
    const first = chimeMock.commandCalls(CreateMeetingWithAttendeesCommand)[0].args[0].input;
    const b = setup();
    await b.handle(apiEvent("appt-1", doctor));
    const second = chimeMock.commandCalls(CreateMeetingWithAttendeesCommand)[0].args[0].input;
    expect(second.ClientRequestToken).toBe(first.ClientRequestToken);
  });

  it("replaces an ended meeting with a new generation and a new token", async () => {
    const { handle, meetings } = setup();
    await handle(apiEvent("appt-1", patient));
    chimeMock
      .on(GetMeetingCommand)
      .rejects(new NotFoundException({ message: "gone", $metadata: {} }));
    const res = parse(await handle(apiEvent("appt-1", doctor)));
    expect(res.status).toBe(201);
    const calls = chimeMock.commandCalls(CreateMeetingWithAttendeesCommand);
    expect(calls.map((c) => c.args[0].input.ClientRequestToken)).toEqual([
      opaqueId(KEY, "token", "appt-1#0"),
      opaqueId(KEY, "token", "appt-1#1"),
    ]);
    expect(meetings.items.get("appt-1")?.generation).toBe(1);
  });

  it("creates a missing attendee for a participant Chime did not return", async () => {
    const { handle, meetings } = setup();
    chimeMock
      .on(CreateMeetingWithAttendeesCommand)
      .resolves({ Meeting: MEETING, Attendees: [attendee("sub-patient")] });
    chimeMock.on(CreateAttendeeCommand).resolves({ Attendee: attendee("sub-doctor") });
    const res = parse(await handle(apiEvent("appt-1", doctor)));
    expect(res.body.attendee).toEqual(attendee("sub-doctor"));
    expect(chimeMock.commandCalls(CreateAttendeeCommand)[0].args[0].input).toEqual({
      MeetingId: "meeting-1",
      ExternalUserId: opaqueId(KEY, "user", "sub-doctor"),
    });
    expect(meetings.items.get("appt-1")?.attendees).toHaveLength(2);
  });

  it("uses an allowed requested media region", async () => {
    const { handle } = setup();
    await handle(apiEvent("appt-1", patient, JSON.stringify({ mediaRegion: "eu-north-1" })));
    expect(
      chimeMock.commandCalls(CreateMeetingWithAttendeesCommand)[0].args[0].input.MediaRegion,
    ).toBe("eu-north-1");
  });

  it.each([
    [
      "no claims",
      apiEvent("appt-1", undefined),
      401,
      "unauthenticated",
      "the request carries no verified identity (JWT claim 'sub'); expected a Cognito access or ID token",
    ],
    [
      "claims without sub",
      apiEvent("appt-1", { "cognito:groups": "[doctor]" }),
      401,
      "unauthenticated",
      "the request carries no verified identity (JWT claim 'sub'); expected a Cognito access or ID token",
    ],
    [
      "bad appointment id",
      apiEvent("appt 1;drop", patient),
      400,
      "invalid-appointment-id",
      "the path parameter appointmentId must be 1-64 of A-Z a-z 0-9 -",
    ],
    [
      "region outside the allowlist",
      apiEvent("appt-1", patient, '{"mediaRegion":"us-east-1"}'),
      400,
      "media-region-not-allowed",
      `mediaRegion 'us-east-1' is not allowed for this stack; expected one of ${EU.join(", ")}`,
    ],
    [
      "region that is not a region",
      apiEvent("appt-1", patient, '{"mediaRegion":"John Smith"}'),
      400,
      "media-region-not-allowed",
      `mediaRegion the value received is not allowed for this stack; expected one of ${EU.join(", ")}`,
    ],
    [
      "body that is not JSON",
      apiEvent("appt-1", patient, "mediaRegion=eu"),
      400,
      "invalid-body",
      'the body must be empty or a JSON object of at most 4096 bytes like {"mediaRegion": "eu-central-1"}',
    ],
    [
      "unknown appointment",
      apiEvent("appt-2", patient),
      404,
      "appointment-not-found",
      "no appointment has this id",
    ],
    [
      "another patient",
      apiEvent("appt-1", { sub: "sub-other", "cognito:groups": "[patient]" }),
      403,
      "not-a-participant",
      "the caller is neither the patient of this appointment nor a clinician (group doctor or nurse) assigned to it",
    ],
    [
      "a doctor not assigned",
      apiEvent("appt-1", { sub: "sub-doctor-2", "cognito:groups": "[doctor]" }),
      403,
      "not-a-participant",
      "the caller is neither the patient of this appointment nor a clinician (group doctor or nurse) assigned to it",
    ],
    [
      "an assigned clinician outside the clinical groups",
      apiEvent("appt-1", { sub: "sub-doctor", "cognito:groups": "[admin]" }),
      403,
      "not-a-participant",
      "the caller is neither the patient of this appointment nor a clinician (group doctor or nurse) assigned to it",
    ],
  ])("%s -> %i problem+json", async (_name, event, status, slug, detail) => {
    const { handle } = setup();
    const res = parse(await handle(event));
    expect(res.status).toBe(status);
    expect(res.headers?.["content-type"]).toBe("application/problem+json");
    expect(res.body).toEqual({
      type: `https://mediconnect.health/problems/${slug}`,
      title: expect.any(String),
      status,
      detail,
    });
    expect(chimeMock.commandCalls(CreateMeetingWithAttendeesCommand)).toHaveLength(0);
  });

  it.each([
    [new ConflictException({ message: "conflict", $metadata: {} }), 409, "meeting-conflict"],
    [new ThrottlingException({ message: "slow down", $metadata: {} }), 429, "meeting-throttled"],
    [new LimitExceededException({ message: "quota", $metadata: {} }), 429, "meeting-throttled"],
    [new ServiceFailureException({ message: "boom", $metadata: {} }), 502, "meeting-service-error"],
  ])("maps Chime %p to %i", async (error, status, slug) => {
    const { handle, meetings } = setup();
    chimeMock.on(CreateMeetingWithAttendeesCommand).rejects(error);
    const res = parse(await handle(apiEvent("appt-1", patient)));
    expect([res.status, res.body.type]).toEqual([
      status,
      `https://mediconnect.health/problems/${slug}`,
    ]);
    if (status === 429) {
      expect(res.headers?.["retry-after"]).toBe("2");
    }
    expect(meetings.items.size).toBe(0);
  });

  it("answers 500 without details when a store fails unexpectedly", async () => {
    const { lines } = setup();
    const handle = createHandler({
      chime: new ChimeSDKMeetingsClient({ region: "eu-central-1" }),
      appointments: {
        get: async () => {
          throw new Error("table appt-1 unreachable");
        },
      },
      meetings: new MemoryMeetingStore(),
      clock: { now: () => 0 },
      logger: {
        info: () => undefined,
        warn: () => undefined,
        error: (m: string, ...e: object[]) => lines.push(JSON.stringify([m, e])),
      },
      config: { mediaRegions: EU, idKey: KEY },
    });
    const res = parse(await handle(apiEvent("appt-1", patient)));
    expect(res.status).toBe(500);
    expect(JSON.stringify(res.body) + lines.join("")).not.toContain("appt-1");
  });

  it("refuses a media region allowlist that is not a list of regions", () => {
    expect(() => setupWith([])).toThrow(
      "media region allowlist must list AWS regions like eu-central-1; received none",
    );
    expect(() => setupWith(["europe"])).toThrow(
      'media region allowlist must list AWS regions like eu-central-1; received ["europe"]',
    );
  });
});

function setupWith(mediaRegions: string[]) {
  return createHandler({
    chime: new ChimeSDKMeetingsClient({ region: "eu-central-1" }),
    appointments: new MemoryAppointmentStore(),
    meetings: new MemoryMeetingStore(),
    clock: { now: () => 0 },
    logger: { info: () => undefined, warn: () => undefined, error: () => undefined },
    config: { mediaRegions, idKey: KEY },
  });
}

describe("cognito:groups parsing", () => {
  it.each([
    ["[doctor nurse]", ["doctor", "nurse"]],
    ['["doctor","nurse"]', ["doctor", "nurse"]],
    ["doctor,nurse", ["doctor", "nurse"]],
    [["doctor"], ["doctor"]],
    ["[]", []],
    [undefined, []],
    [42, []],
  ])("%p -> %p", (value, groups) => {
    expect(parseGroups(value)).toEqual(groups);
  });
});
