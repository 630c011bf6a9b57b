/** DynamoDB implementations of the appointment and meeting stores. */
import { ConditionalCheckFailedException } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import type { Appointment, AppointmentStore, MeetingStore, StoredMeeting } from "./types";

/** Stored meetings (with their join tokens) expire a day after creation: a meeting never outlives its appointment day. */
const MEETING_TTL_SECONDS = 24 * 3600;

/**
 * Reads the appointments table: partition key `appointmentId` (S), `patientUserId` (S, the patient's Cognito sub),
 * `clinicianUserIds` (L or SS of Cognito subs). Only those attributes are fetched.
 */
export class DynamoAppointmentStore implements AppointmentStore {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async get(appointmentId: string): Promise<Appointment | undefined> {
    const out = await this.doc.send(
      new GetCommand({
        TableName: this.tableName,
        Key: { appointmentId },
        ProjectionExpression: "appointmentId, patientUserId, clinicianUserIds",
        ConsistentRead: true,
      }),
    );
    const item = out.Item;
    if (item === undefined || typeof item.patientUserId !== "string") {
      return undefined;
    }
    const clinicians = item.clinicianUserIds;
    return {
      appointmentId,
      patientUserId: item.patientUserId,
      clinicianUserIds:
        clinicians instanceof Set ? [...clinicians] : Array.isArray(clinicians) ? clinicians : [],
    };
  }
}

/** Meetings table: partition key `appointmentId` (S); `generation` (N), `meeting`, `attendees`, `expiresAt` (TTL). */
export class DynamoMeetingStore implements MeetingStore {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async get(appointmentId: string): Promise<StoredMeeting | undefined> {
    const out = await this.doc.send(
      new GetCommand({ TableName: this.tableName, Key: { appointmentId }, ConsistentRead: true }),
    );
    return out.Item as StoredMeeting | undefined;
  }

  async put(meeting: StoredMeeting, replaceGeneration: number | undefined): Promise<boolean> {
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            ...meeting,
            expiresAt: Math.floor(meeting.createdAt / 1000) + MEETING_TTL_SECONDS,
          },
          ConditionExpression:
            replaceGeneration === undefined
              ? "attribute_not_exists(appointmentId)"
              : "generation = :g",
          ExpressionAttributeValues:
            replaceGeneration === undefined ? undefined : { ":g": replaceGeneration },
        }),
      );
      return true;
    } catch (err) {
      if (err instanceof ConditionalCheckFailedException) {
        return false;
      }
      throw err;
    }
  }
}
