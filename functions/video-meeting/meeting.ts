/**
 * POST /appointments/{appointmentId}/meeting: the Chime SDK meeting of an appointment, created once
 * (CreateMeetingWithAttendees, idempotent by ClientRequestToken) and reused, with the caller's own attendee.
 */
import {
  Attendee,
  CreateAttendeeCommand,
  CreateMeetingWithAttendeesCommand,
  GetMeetingCommand,
} from "@aws-sdk/client-chime-sdk-meetings";
import type {
  APIGatewayProxyEventV2WithJWTAuthorizer,
  APIGatewayProxyStructuredResultV2,
} from "aws-lambda";
import { callerOf, roleIn } from "./auth";
import { opaqueId } from "./ids";
import { ProblemError, jsonResponse, problem, problemResponse } from "./problem";
import type {
  Appointment,
  AppointmentStore,
  MeetingConfig,
  MeetingStore,
  StoredMeeting,
} from "./types";

/** The subset of the Chime SDK Meetings client used here (the real client, or a test double). */
export interface ChimeClient {
  send(command: object): Promise<unknown>;
}

export interface MeetingLogger {
  info(message: string, ...extra: Array<Record<string, unknown>>): void;
  warn(message: string, ...extra: Array<Record<string, unknown>>): void;
  error(message: string, ...extra: Array<Record<string, unknown>>): void;
}

export interface VideoHandlerDeps {
  readonly chime: ChimeClient;
  readonly appointments: AppointmentStore;
  readonly meetings: MeetingStore;
  readonly clock: { now(): number };
  readonly logger: MeetingLogger;
  readonly config: MeetingConfig;
}

export type VideoHandler = (
  event: APIGatewayProxyEventV2WithJWTAuthorizer,
) => Promise<APIGatewayProxyStructuredResultV2>;

const APPOINTMENT_ID = /^[A-Za-z0-9-]{1,64}$/;
const REGION_SHAPE = /^[a-z]{2}(-[a-z]+)+-\d$/;
const MAX_BODY = 4096;

/** Chime exception name -> HTTP status: conflicts pass through, throttling and quotas ask to retry, the rest is ours. */
const CHIME_STATUS: Readonly<Record<string, number>> = {
  ConflictException: 409,
  ThrottlingException: 429,
  LimitExceededException: 429,
  ServiceUnavailableException: 502,
};

export function validateRegions(regions: readonly string[]): void {
  const bad = regions.filter((r) => !REGION_SHAPE.test(r));
  if (regions.length === 0 || bad.length > 0) {
    throw new Error(
      `media region allowlist must list AWS regions like eu-central-1; received ${regions.length === 0 ? "none" : JSON.stringify(regions)}`,
    );
  }
}

function requestedRegion(
  event: APIGatewayProxyEventV2WithJWTAuthorizer,
  allowed: readonly string[],
): string {
  const raw = event.body;
  if (raw === undefined || raw === null || raw.trim() === "") {
    return allowed[0];
  }
  const text = event.isBase64Encoded ? Buffer.from(raw, "base64").toString("utf8") : raw;
  let body: unknown;
  try {
    body = text.length > MAX_BODY ? undefined : JSON.parse(text);
  } catch {
    body = undefined;
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw problem(
      400,
      "invalid-body",
      "Invalid request body",
      `the body must be empty or a JSON object of at most ${MAX_BODY} bytes like {"mediaRegion": "${allowed[0]}"}`,
    );
  }
  const region = (body as { mediaRegion?: unknown }).mediaRegion;
  if (region === undefined) {
    return allowed[0];
  }
  if (typeof region !== "string" || !allowed.includes(region)) {
    const shown =
      typeof region === "string" && REGION_SHAPE.test(region)
        ? `'${region}'`
        : "the value received";
    throw problem(
      400,
      "media-region-not-allowed",
      "Media region not allowed",
      `mediaRegion ${shown} is not allowed for this stack; expected one of ${allowed.join(", ")}`,
    );
  }
  return region;
}

function chimeProblem(err: unknown): ProblemError | undefined {
  const name = err instanceof Error ? err.name : "";
  const fault = (err as { $fault?: string } | undefined)?.$fault;
  if (!(name in CHIME_STATUS) && fault === undefined) {
    return undefined;
  }
  const status = CHIME_STATUS[name] ?? 502;
  if (status === 409) {
    return problem(
      409,
      "meeting-conflict",
      "Meeting conflict",
      "the video service reported a conflicting request for this meeting; retry",
    );
  }
  if (status === 429) {
    return problem(
      429,
      "meeting-throttled",
      "Too many requests",
      "the video service is throttling or at its meeting quota; retry after the indicated delay",
      { "retry-after": "2" },
    );
  }
  return problem(
    502,
    "meeting-service-error",
    "Video service error",
    `the video service failed (${name || "unknown error"}); retry later`,
  );
}

export function createHandler(deps: VideoHandlerDeps): VideoHandler {
  const { chime, appointments, meetings, clock, logger, config } = deps;
  validateRegions(config.mediaRegions);
  const key = config.idKey;

  async function currentMeeting(
    appointment: Appointment,
    mediaRegion: string,
  ): Promise<{ stored: StoredMeeting; created: boolean }> {
    const stored = await meetings.get(appointment.appointmentId);
    if (stored !== undefined) {
      try {
        await chime.send(new GetMeetingCommand({ MeetingId: stored.meeting.MeetingId }));
        return { stored, created: false };
      } catch (err) {
        // An ended meeting (no attendee for 5 minutes, or deleted) is replaced by a new generation below.
        if (!(err instanceof Error && err.name === "NotFoundException")) {
          throw err;
        }
      }
    }
    const generation = stored === undefined ? 0 : stored.generation + 1;
    const participants = [appointment.patientUserId, ...appointment.clinicianUserIds];
    const out = (await chime.send(
      new CreateMeetingWithAttendeesCommand({
        ClientRequestToken: opaqueId(key, "token", `${appointment.appointmentId}#${generation}`),
        MediaRegion: mediaRegion,
        ExternalMeetingId: opaqueId(key, "meeting", appointment.appointmentId),
        Attendees: participants.map((user) => ({ ExternalUserId: opaqueId(key, "user", user) })),
      }),
    )) as { Meeting?: StoredMeeting["meeting"]; Attendees?: Attendee[] };
    if (out.Meeting?.MeetingId === undefined) {
      throw problem(
        502,
        "meeting-service-error",
        "Video service error",
        "the video service returned no meeting; retry later",
      );
    }
    const record: StoredMeeting = {
      appointmentId: appointment.appointmentId,
      generation,
      createdAt: clock.now(),
      meeting: out.Meeting,
      attendees: out.Attendees ?? [],
    };
    if (await meetings.put(record, stored?.generation)) {
      return { stored: record, created: true };
    }
    const winner = await meetings.get(appointment.appointmentId);
    return winner === undefined
      ? { stored: record, created: true }
      : { stored: winner, created: false };
  }

  async function ownAttendee(stored: StoredMeeting, sub: string): Promise<Attendee> {
    const externalUserId = opaqueId(key, "user", sub);
    const existing = stored.attendees.find((a) => a.ExternalUserId === externalUserId);
    if (existing !== undefined) {
      return existing;
    }
    // A clinician assigned after the meeting was created, or an attendee Chime refused at creation.
    const out = (await chime.send(
      new CreateAttendeeCommand({
        MeetingId: stored.meeting.MeetingId,
        ExternalUserId: externalUserId,
      }),
    )) as { Attendee?: Attendee };
    if (out.Attendee === undefined) {
      throw problem(
        502,
        "meeting-service-error",
        "Video service error",
        "the video service returned no attendee; retry later",
      );
    }
    await meetings.put(
      { ...stored, attendees: [...stored.attendees, out.Attendee] },
      stored.generation,
    );
    return out.Attendee;
  }

  return async function handle(event) {
    try {
      const caller = callerOf(event.requestContext?.authorizer?.jwt?.claims);
      const appointmentId = event.pathParameters?.appointmentId;
      if (appointmentId === undefined || !APPOINTMENT_ID.test(appointmentId)) {
        throw problem(
          400,
          "invalid-appointment-id",
          "Invalid appointment id",
          "the path parameter appointmentId must be 1-64 of A-Z a-z 0-9 -",
        );
      }
      const mediaRegion = requestedRegion(event, config.mediaRegions);
      const appointment = await appointments.get(appointmentId);
      if (appointment === undefined) {
        throw problem(
          404,
          "appointment-not-found",
          "Appointment not found",
          "no appointment has this id",
        );
      }
      const role = roleIn(caller, appointment);
      const { stored, created } = await currentMeeting(appointment, mediaRegion);
      const attendee = await ownAttendee(stored, caller.sub);
      logger.info("meeting joined", {
        status: created ? 201 : 200,
        role,
        created,
        mediaRegion: stored.meeting.MediaRegion,
        appointmentRef: opaqueId(key, "log", appointmentId),
        callerRef: opaqueId(key, "log", caller.sub),
      });
      return jsonResponse(created ? 201 : 200, {
        meeting: stored.meeting,
        attendee: {
          AttendeeId: attendee.AttendeeId,
          ExternalUserId: attendee.ExternalUserId,
          JoinToken: attendee.JoinToken,
        },
      });
    } catch (err) {
      const known = err instanceof ProblemError ? err : chimeProblem(err);
      if (known !== undefined) {
        logger.warn("meeting request refused", {
          status: known.problem.status,
          problem: known.problem.slug,
        });
        return problemResponse(known.problem);
      }
      logger.error("meeting request failed", {
        errorName: err instanceof Error ? err.name : typeof err,
      });
      return problemResponse({
        status: 500,
        slug: "internal-error",
        title: "Internal error",
        detail: "the meeting could not be prepared; retry later",
      });
    }
  };
}
