import { mockClient } from "aws-sdk-client-mock";
import { ConditionalCheckFailedException, DynamoDBClient } from "@aws-sdk/client-dynamodb";
import {
  BatchGetCommand,
  DynamoDBDocumentClient,
  PutCommand,
  UpdateCommand,
} from "@aws-sdk/lib-dynamodb";
import { PublishBatchCommand, PublishCommand, SNSClient } from "@aws-sdk/client-sns";
import {
  DynamoSnsAlertSink,
  DynamoStateStore,
  SnsDeadLetterSink,
} from "../../../functions/vitals-anomaly/aws";
import { emptyState } from "../../../functions/vitals-anomaly/batch";
import { handler } from "../../../functions/vitals-anomaly/handler";
import { alertNotice } from "../../../functions/vitals-anomaly/notice";
import type { Alert, DeadLetter } from "../../../functions/vitals-anomaly/types";

const ddbMock = mockClient(DynamoDBDocumentClient);
const snsMock = mockClient(SNSClient);
const doc = DynamoDBDocumentClient.from(new DynamoDBClient({ region: "eu-central-1" }));
const sns = new SNSClient({ region: "eu-central-1" });
const NOW = Date.parse("2026-11-23T12:00:00Z");

beforeEach(() => {
  ddbMock.reset();
  snsMock.reset();
});

const conditionFailed = () =>
  new ConditionalCheckFailedException({ message: "The conditional request failed", $metadata: {} });

describe("DynamoStateStore", () => {
  it("loads with consistent BatchGet in chunks of 100 and retries unprocessed keys", async () => {
    const patients = Array.from({ length: 150 }, (_, i) => `p${i}`);
    const stats = Array.from({ length: 24 }, (_, i) => i / 3);
    ddbMock
      .on(BatchGetCommand)
      .resolvesOnce({
        Responses: { state: [{ patientId: "p0", version: 4, lastSeq: "17", stats }] },
        UnprocessedKeys: { state: { Keys: [{ patientId: "p1" }] } },
      })
      .resolves({ Responses: { state: [] } });
    const store = new DynamoStateStore(doc, "state");
    const { states, failed } = await store.load(patients);
    const calls = ddbMock.commandCalls(BatchGetCommand).map((c) => c.args[0].input);
    expect(calls[0]).toEqual({
      RequestItems: {
        state: {
          Keys: patients.slice(0, 100).map((patientId) => ({ patientId })),
          ConsistentRead: true,
        },
      },
    });
    expect(calls.map((c) => c.RequestItems?.state.Keys?.length).sort()).toEqual(
      [1, 100, 50].sort(),
    );
    expect(states.get("p0")).toEqual({
      patient: "p0",
      version: 4,
      lastSeq: "17",
      stats: Float64Array.from(stats),
    });
    expect(failed.size).toBe(0);
  });

  it("reports the patients of a chunk whose read failed", async () => {
    ddbMock.on(BatchGetCommand).rejects(new Error("ProvisionedThroughputExceeded"));
    const { states, failed } = await new DynamoStateStore(doc, "state").load(["a", "b"]);
    expect([states.size, [...failed]]).toEqual([0, ["a", "b"]]);
  });

  it("writes each state conditionally on its version, with a TTL, and reports conflicts", async () => {
    ddbMock.on(PutCommand, { Item: { patientId: "b" } }).rejects(conditionFailed());
    ddbMock.on(PutCommand, { Item: { patientId: "a" } }).resolves({});
    const a = { ...emptyState("a"), lastSeq: "5" };
    const b = { ...emptyState("b"), version: 3, lastSeq: "6" };
    const failed = await new DynamoStateStore(doc, "state", () => NOW).save([
      { state: a, expectedVersion: 0 },
      { state: b, expectedVersion: 3 },
    ]);
    expect([...failed]).toEqual(["b"]);
    const inputs = ddbMock.commandCalls(PutCommand).map((c) => c.args[0].input);
    expect(inputs).toEqual([
      {
        TableName: "state",
        Item: {
          patientId: "a",
          version: 1,
          lastSeq: "5",
          stats: new Array(24).fill(0),
          expiresAt: NOW / 1000 + 30 * 86400,
        },
        ConditionExpression: "attribute_not_exists(patientId)",
        ExpressionAttributeValues: undefined,
      },
      {
        TableName: "state",
        Item: {
          patientId: "b",
          version: 4,
          lastSeq: "6",
          stats: new Array(24).fill(0),
          expiresAt: NOW / 1000 + 30 * 86400,
        },
        ConditionExpression: "version = :expected",
        ExpressionAttributeValues: { ":expected": 3 },
      },
    ]);
  });
});

const alert: Alert = {
  alertId: "a".repeat(64),
  patient: "p1",
  device: "d1",
  signal: "hr",
  kind: "limit-high",
  ts: NOW,
  value: 170,
  unit: "/min",
  baselineMean: undefined,
  baselineSigma: undefined,
  z: undefined,
  sequenceNumber: "42",
};

const NOTICE = {
  pseudonymKey: "test-key-0123456789abcdef0123456789",
  linkBase: "https://app.example.org/alerts/",
};

describe("DynamoSnsAlertSink", () => {
  it("records pending, publishes with the alert id, then marks sent", async () => {
    ddbMock.on(PutCommand).resolves({});
    ddbMock.on(UpdateCommand).resolves({});
    snsMock.on(PublishCommand).resolves({ MessageId: "m1" });
    const failed = await new DynamoSnsAlertSink(
      doc,
      sns,
      "alerts",
      "arn:aws:sns:eu-central-1:1:alerts",
      NOTICE,
    ).publish([alert]);
    expect(failed.size).toBe(0);
    expect(ddbMock.commandCalls(PutCommand)[0].args[0].input).toEqual({
      TableName: "alerts",
      Item: { ...alert, status: "pending" },
      ConditionExpression: "attribute_not_exists(alertId) OR #status = :pending",
      ExpressionAttributeNames: { "#status": "status" },
      ExpressionAttributeValues: { ":pending": "pending" },
    });
    expect(snsMock.commandCalls(PublishCommand)[0].args[0].input).toEqual({
      TopicArn: "arn:aws:sns:eu-central-1:1:alerts",
      Message: alertNotice(alert, NOTICE).message,
      MessageStructure: "json",
      MessageAttributes: { alertId: { DataType: "String", StringValue: alert.alertId } },
    });
    expect(ddbMock.commandCalls(UpdateCommand)[0].args[0].input).toEqual({
      TableName: "alerts",
      Key: { alertId: alert.alertId },
      UpdateExpression: "SET #status = :sent",
      ExpressionAttributeNames: { "#status": "status" },
      ExpressionAttributeValues: { ":sent": "sent" },
    });
  });

  it("adds the deduplication id and group on a FIFO topic", async () => {
    ddbMock.on(PutCommand).resolves({});
    ddbMock.on(UpdateCommand).resolves({});
    snsMock.on(PublishCommand).resolves({});
    await new DynamoSnsAlertSink(
      doc,
      sns,
      "alerts",
      "arn:aws:sns:eu-central-1:1:alerts.fifo",
      NOTICE,
    ).publish([alert]);
    expect(snsMock.commandCalls(PublishCommand)[0].args[0].input).toMatchObject({
      MessageDeduplicationId: alert.alertId,
      MessageGroupId: alert.alertId,
    });
  });

  it("skips an alert already sent and reports one it could not publish", async () => {
    const other = { ...alert, alertId: "b".repeat(64) };
    ddbMock.on(PutCommand, { Item: { alertId: alert.alertId } }).rejects(conditionFailed());
    ddbMock.on(PutCommand, { Item: { alertId: other.alertId } }).resolves({});
    snsMock.on(PublishCommand).rejects(new Error("KMS key disabled"));
    const failed = await new DynamoSnsAlertSink(
      doc,
      sns,
      "alerts",
      "arn:aws:sns:eu-central-1:1:alerts",
      NOTICE,
    ).publish([alert, other]);
    expect([...failed]).toEqual([other.alertId]);
    expect(snsMock.commandCalls(PublishCommand)).toHaveLength(1);
    expect(ddbMock.commandCalls(UpdateCommand)).toHaveLength(0);
  });
});

describe("SnsDeadLetterSink", () => {
  const letters: DeadLetter[] = Array.from({ length: 12 }, (_, i) => ({
    id: `shardId-0:${i}`,
    reason: "bad-json",
    detail: "payload is not JSON",
    sequenceNumber: String(i),
    partitionKey: "p1",
    data: "e30=",
    receivedAt: NOW,
  }));

  it("publishes in batches of 10 and reports the failed entries", async () => {
    snsMock
      .on(PublishBatchCommand)
      .resolvesOnce({
        Successful: [],
        Failed: [{ Id: "3", Code: "InternalError", SenderFault: false }],
      })
      .resolves({ Successful: [], Failed: [] });
    const failed = await new SnsDeadLetterSink(sns, "arn:aws:sns:eu-central-1:1:dlq").send(letters);
    const calls = snsMock.commandCalls(PublishBatchCommand).map((c) => c.args[0].input);
    expect(calls.map((c) => c.PublishBatchRequestEntries?.length)).toEqual([10, 2]);
    expect(calls[0].PublishBatchRequestEntries?.[0]).toEqual({
      Id: "0",
      Message: JSON.stringify(letters[0]),
      MessageAttributes: {
        reason: { DataType: "String", StringValue: "bad-json" },
        recordId: { DataType: "String", StringValue: "shardId-0:0" },
      },
    });
    expect([...failed]).toEqual(["shardId-0:3"]);
  });
});

describe("vitals handler wiring", () => {
  it("names the missing environment variable at cold start", async () => {
    delete process.env.VITALS_STATE_TABLE;
    await expect(handler({ Records: [] })).rejects.toThrow(
      "environment variable VITALS_STATE_TABLE is not set; expected the DynamoDB table of per-patient baselines (partition key patientId, TTL expiresAt)",
    );
  });
});
