/** In-memory appointment and meeting stores for tests and local runs, with the DynamoDB stores' conditions. */
import type { Appointment, AppointmentStore, MeetingStore, StoredMeeting } from "./types";

export class MemoryAppointmentStore implements AppointmentStore {
  readonly items = new Map<string, Appointment>();

  constructor(appointments: readonly Appointment[] = []) {
    for (const a of appointments) {
      this.items.set(a.appointmentId, a);
    }
  }

  async get(appointmentId: string): Promise<Appointment | undefined> {
    return this.items.get(appointmentId);
  }
}

export class MemoryMeetingStore implements MeetingStore {
  readonly items = new Map<string, StoredMeeting>();

  async get(appointmentId: string): Promise<StoredMeeting | undefined> {
    return this.items.get(appointmentId);
  }

  async put(meeting: StoredMeeting, replaceGeneration: number | undefined): Promise<boolean> {
    const current = this.items.get(meeting.appointmentId);
    if (
      replaceGeneration === undefined
        ? current !== undefined
        : current?.generation !== replaceGeneration
    ) {
      return false;
    }
    this.items.set(meeting.appointmentId, meeting);
    return true;
  }
}
