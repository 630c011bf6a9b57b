import type { Attendee, Meeting } from "@aws-sdk/client-chime-sdk-meetings";

/** An appointment as the meeting function needs it: who may join. Ids are Cognito `sub` values. */
export interface Appointment {
  readonly appointmentId: string;
  readonly patientUserId: string;
  readonly clinicianUserIds: readonly string[];
}

export interface AppointmentStore {
  get(appointmentId: string): Promise<Appointment | undefined>;
}

/** The Chime meeting created for an appointment, with the attendee of every participant (by ExternalUserId). */
export interface StoredMeeting {
  readonly appointmentId: string;
  /** Incremented when an ended meeting is replaced; part of the ClientRequestToken so the new create is distinct. */
  readonly generation: number;
  /** Epoch milliseconds; the store derives its TTL from it. */
  readonly createdAt: number;
  readonly meeting: Meeting;
  readonly attendees: readonly Attendee[];
}

export interface MeetingStore {
  get(appointmentId: string): Promise<StoredMeeting | undefined>;
  /**
   * Stores `meeting` if the stored generation is still `expectedGeneration - 1` (none for generation 0), or adds
   * attendees to the same generation; returns false when another request stored first.
   */
  put(meeting: StoredMeeting, replaceGeneration: number | undefined): Promise<boolean>;
}

export interface MeetingConfig {
  /** Media regions this stack may place meetings in (EU stack: EU regions only); the first is the default. */
  readonly mediaRegions: readonly string[];
  /** HMAC key for the opaque Chime ids and the pseudonyms in log lines. */
  readonly idKey: string | Buffer;
}
