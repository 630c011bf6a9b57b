import { mockClient } from "aws-sdk-client-mock";
import { ConditionalCheckFailedException, DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import { DynamoAppointmentStore, DynamoMeetingStore } from "../../../functions/video-meeting/aws";
import { handler } from "../../../functions/video-meeting/handler";
import { apiEvent } from "./helpers";

const ddbMock = mockClient(DynamoDBDocumentClient);
const doc = DynamoDBDocumentClient.from(new DynamoDBClient({ region: "eu-central-1" }));

beforeEach(() => ddbMock.reset());

describe("DynamoAppointmentStore", () => {
  it("reads only the participant attributes, consistently", async () => {
    ddbMock.on(GetCommand).resolves({
      Item: { appointmentId: "a1", patientUserId: "u1", clinicianUserIds: new Set(["c1", "c2"]) },
    });
    const appointment = await new DynamoAppointmentStore(doc, "appointments").get("a1");
    expect(appointment).toEqual({
      appointmentId: "a1",
      patientUserId: "u1",
      clinicianUserIds: ["c1", "c2"],
    });
    expect(ddbMock.commandCalls(GetCommand)[0].args[0].input).toEqual({
      TableName: "appointments",
      Key: { appointmentId: "a1" },
      ProjectionExpression: "appointmentId, patientUserId, clinicianUserIds",
      ConsistentRead: true,
    });
  });

  it("treats a missing or patient-less item as unknown", async () => {
    ddbMock
      .on(GetCommand)
      .resolvesOnce({})
      .resolves({ Item: { appointmentId: "a1" } });
    const store = new DynamoAppointmentStore(doc, "appointments");
    expect(await store.get("a1")).toBeUndefined();
    expect(await store.get("a1")).toBeUndefined();
  });
});

describe("DynamoMeetingStore", () => {
  const meeting = {
    appointmentId: "a1",
    generation: 0,
    createdAt: 1_795_435_200_000,
    meeting: { MeetingId: "m1" },
    attendees: [],
  };

  it("creates only when absent and replaces only the expected generation, with a one-day TTL", async () => {
    ddbMock
      .on(PutCommand)
      .resolvesOnce({})
      .rejects(
        new ConditionalCheckFailedException({
          message: "The conditional request failed",
          $metadata: {},
        }),
      );
    const store = new DynamoMeetingStore(doc, "meetings");
    expect(await store.put(meeting, undefined)).toBe(true);
    expect(await store.put({ ...meeting, generation: 1 }, 0)).toBe(false);
    const inputs = ddbMock.commandCalls(PutCommand).map((c) => c.args[0].input);
    expect(inputs).toEqual([
      {
        TableName: "meetings",
        Item: { ...meeting, expiresAt: 1_795_435_200 + 86_400 },
        ConditionExpression: "attribute_not_exists(appointmentId)",
        ExpressionAttributeValues: undefined,
      },
      {
        TableName: "meetings",
        Item: { ...meeting, generation: 1, expiresAt: 1_795_435_200 + 86_400 },
        ConditionExpression: "generation = :g",
        ExpressionAttributeValues: { ":g": 0 },
      },
    ]);
  });

  it("propagates other write errors", async () => {
    ddbMock.on(PutCommand).rejects(new Error("AccessDenied"));
    await expect(new DynamoMeetingStore(doc, "meetings").put(meeting, undefined)).rejects.toThrow(
      "AccessDenied",
    );
  });
});

describe("video handler wiring", () => {
  it("names the missing environment variable at cold start", async () => {
    process.env.APPOINTMENTS_TABLE = "appointments";
    delete process.env.MEETINGS_TABLE;
    await expect(handler(apiEvent("a1", { sub: "u1" }))).rejects.toThrow(
      "environment variable MEETINGS_TABLE is not set; expected the DynamoDB table of appointment meetings (partition key appointmentId, TTL expiresAt)",
    );
    delete process.env.APPOINTMENTS_TABLE;
  });
});
