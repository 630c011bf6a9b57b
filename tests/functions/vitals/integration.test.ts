/**
 * The vitals path end to end on local stand-ins: records go into a kinesalite stream, come back through
 * GetRecords, and are delivered in Kinesis-shaped events to the DynamoDB-backed handler (dynalite) the way Lambda
 * does, restarting from the lowest failed sequence number. Failures are injected (state table down in the middle
 * of a save, a failing alert publish, poison records) and the outcome must equal a failure-free run exactly.
 */
import type { AddressInfo } from "net";
import type { Server } from "http";
import { CreateTableCommand, DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, ScanCommand } from "@aws-sdk/lib-dynamodb";
import {
  CreateStreamCommand,
  DescribeStreamCommand,
  GetRecordsCommand,
  GetShardIteratorCommand,
  KinesisClient,
  PutRecordsCommand,
} from "@aws-sdk/client-kinesis";
import { PublishBatchCommand, PublishCommand, SNSClient } from "@aws-sdk/client-sns";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import type { KinesisStreamEvent } from "aws-lambda";
import { createHandler } from "../../../functions/vitals-anomaly/batch";
import {
  DynamoSnsAlertSink,
  DynamoStateStore,
  SnsDeadLetterSink,
} from "../../../functions/vitals-anomaly/aws";
import {
  MemoryAlertSink,
  MemoryDeadLetterSink,
  MemoryStateStore,
  fixedClock,
} from "../../../functions/vitals-anomaly/memory";
import { captureLogger, kinesisRecord } from "./helpers";
import { alertNotice } from "../../../functions/vitals-anomaly/notice";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const kinesalite = require("kinesalite") as (opts: object) => Server;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const dynalite = require("dynalite") as (opts: object) => Server;

const NOW = Date.parse("2026-11-23T12:00:00Z");
const T0 = NOW - 24 * 3600_000;
const STREAM = "vitals";
const STATE_TABLE = "vitals-state";
const ALERT_TABLE = "vitals-alerts";
const ALERT_TOPIC = "arn:aws:sns:eu-central-1:123456789012:vitals-alerts";
const DLQ_TOPIC = "arn:aws:sns:eu-central-1:123456789012:vitals-dead-letters";
const credentials = { accessKeyId: "local", secretAccessKey: "local" };

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.address() as AddressInfo).port;
}

async function close(server: Server): Promise<void> {
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

const NOTICE = {
  pseudonymKey: "integration-key-0123456789abcdef0123",
  linkBase: "https://app.example.org/alerts/",
};

/** A recording stand-in for SNS (no local SNS exists): keeps every message, optionally failing some publishes. */
class RecordingSns {
  readonly alertMessages: Array<{ alertId: string; body: Record<string, unknown> }> = [];
  readonly deadLetters: Array<Record<string, unknown>> = [];
  failAlertOnce = new Set<string>();

  async send(command: unknown): Promise<unknown> {
    if (command instanceof PublishCommand) {
      const alertId = command.input.MessageAttributes?.alertId?.StringValue as string;
      if (this.failAlertOnce.delete(alertId)) {
        throw Object.assign(new Error("throttled"), { name: "ThrottledException" });
      }
      this.alertMessages.push({ alertId, body: JSON.parse(command.input.Message as string) });
      return { MessageId: alertId };
    }
    if (command instanceof PublishBatchCommand) {
      for (const entry of command.input.PublishBatchRequestEntries ?? []) {
        this.deadLetters.push(JSON.parse(entry.Message as string));
      }
      return { Successful: [], Failed: [] };
    }
    throw new Error(`unexpected SNS command ${String(command)}`);
  }
}

interface Payload {
  readonly partitionKey: string;
  readonly data: string;
}

function reading(
  patient: string,
  minute: number,
  type: string,
  value: number,
  unit: string,
): Payload {
  return {
    partitionKey: patient,
    data: JSON.stringify({
      patient,
      device: `d-${patient}`,
      ts: T0 + minute * 60_000,
      type,
      value,
      unit,
    }),
  };
}

/** 6 patients x 45 minutes of heart rate and SpO2, with planted spikes and poison records in between. */
function workload(): { payloads: Payload[]; poison: number } {
  const payloads: Payload[] = [];
  let poison = 0;
  for (let minute = 0; minute < 45; minute++) {
    for (let p = 0; p < 6; p++) {
      const patient = `pat-${p}`;
      const spike = minute === 35 + p;
      payloads.push(
        reading(patient, minute, "hr", spike ? 125 : 70 + p + ((minute * 7 + p) % 5), "/min"),
      );
      payloads.push(
        reading(
          patient,
          minute,
          "spo2",
          minute === 40 && p === 2 ? 84 : 97 - ((minute + p) % 3),
          "%",
        ),
      );
    }
    if (minute % 9 === 4) {
      payloads.push({ partitionKey: "pat-1", data: "{not json" });
      payloads.push({
        partitionKey: "pat-3",
        data: reading("pat-3", minute, "glucose", 5, "mmol/L").data,
      });
      payloads.push({
        partitionKey: "pat-4",
        data: reading("pat-4", minute, "hr", 999, "/min").data,
      });
      poison += 3;
    }
  }
  return { payloads, poison };
}

describe("vitals on kinesalite and dynalite", () => {
  let kinesisServer: Server;
  let dynamoServer: Server;
  let kinesis: KinesisClient;
  let dynamo: DynamoDBClient;
  let doc: DynamoDBDocumentClient;

  beforeAll(async () => {
    kinesisServer = kinesalite({ createStreamMs: 0, deleteStreamMs: 0 });
    dynamoServer = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
    const [kPort, dPort] = await Promise.all([listen(kinesisServer), listen(dynamoServer)]);
    const common = { region: "eu-central-1", credentials, requestHandler: new NodeHttpHandler() };
    kinesis = new KinesisClient({ ...common, endpoint: `http://127.0.0.1:${kPort}` });
    dynamo = new DynamoDBClient({ ...common, endpoint: `http://127.0.0.1:${dPort}` });
    doc = DynamoDBDocumentClient.from(dynamo, { marshallOptions: { removeUndefinedValues: true } });
    await kinesis.send(new CreateStreamCommand({ StreamName: STREAM, ShardCount: 1 }));
    for (const [TableName, key] of [
      [STATE_TABLE, "patientId"],
      [ALERT_TABLE, "alertId"],
    ]) {
      await dynamo.send(
        new CreateTableCommand({
          TableName,
          KeySchema: [{ AttributeName: key, KeyType: "HASH" }],
          AttributeDefinitions: [{ AttributeName: key, AttributeType: "S" }],
          BillingMode: "PAY_PER_REQUEST",
        }),
      );
    }
  });

  afterAll(async () => {
    kinesis?.destroy();
    dynamo?.destroy();
    await Promise.all([close(kinesisServer), close(dynamoServer)]);
  });

  async function putAndRead(payloads: Payload[]) {
    for (let i = 0; i < payloads.length; i += 500) {
      const out = await kinesis.send(
        new PutRecordsCommand({
          StreamName: STREAM,
          Records: payloads.slice(i, i + 500).map((p) => ({
            PartitionKey: p.partitionKey,
            Data: Buffer.from(p.data),
          })),
        }),
      );
      expect(out.FailedRecordCount).toBe(0);
    }
    const stream = await kinesis.send(new DescribeStreamCommand({ StreamName: STREAM }));
    const shardId = stream.StreamDescription?.Shards?.[0].ShardId as string;
    let iterator = (
      await kinesis.send(
        new GetShardIteratorCommand({
          StreamName: STREAM,
          ShardId: shardId,
          ShardIteratorType: "TRIM_HORIZON",
        }),
      )
    ).ShardIterator;
    const records: KinesisStreamEvent["Records"] = [];
    while (iterator !== undefined) {
      const out = await kinesis.send(
        new GetRecordsCommand({ ShardIterator: iterator, Limit: 1000 }),
      );
      for (const r of out.Records ?? []) {
        const record = kinesisRecord(
          Buffer.from(r.Data as Uint8Array).toString("base64"),
          r.SequenceNumber as string,
          r.PartitionKey as string,
        );
        records.push({ ...record, eventID: `${shardId}:${r.SequenceNumber}` });
      }
      iterator = (out.Records ?? []).length === 0 ? undefined : out.NextShardIterator;
    }
    return records;
  }

  it("loses nothing and applies nothing twice under injected failures and redelivery", async () => {
    const { payloads, poison } = workload();
    const records = await putAndRead(payloads);
    expect(records).toHaveLength(payloads.length);

    // Reference: the same records in one failure-free pass through in-memory stores.
    const reference = {
      stateStore: new MemoryStateStore(),
      alertSink: new MemoryAlertSink(),
      deadLetterSink: new MemoryDeadLetterSink(),
    };
    const refHandle = createHandler({
      ...reference,
      clock: fixedClock(NOW),
      logger: captureLogger(),
    });
    expect((await refHandle({ Records: records })).batchItemFailures).toEqual([]);
    expect(reference.deadLetterSink.letters.size).toBe(poison);
    expect(reference.alertSink.alerts.size).toBeGreaterThanOrEqual(7);

    // Under test: DynamoDB via dynalite, with the state table failing in the middle of chosen saves.
    const sns = new RecordingSns();
    let statePutsBeforeOutage = Infinity;
    dynamo.middlewareStack.add(
      (next) => async (args) => {
        const input = args.input as { TableName?: string; ConditionExpression?: string };
        if (input.TableName === STATE_TABLE && input.ConditionExpression !== undefined) {
          if (statePutsBeforeOutage <= 0) {
            throw Object.assign(new Error("connect ECONNREFUSED"), { name: "ServiceUnavailable" });
          }
          statePutsBeforeOutage--;
        }
        return next(args);
      },
      { step: "initialize", name: "injectStateOutage" },
    );
    const snsClient = sns as unknown as SNSClient;
    const handle = createHandler({
      stateStore: new DynamoStateStore(doc, STATE_TABLE, () => NOW),
      alertSink: new DynamoSnsAlertSink(doc, snsClient, ALERT_TABLE, ALERT_TOPIC, NOTICE),
      deadLetterSink: new SnsDeadLetterSink(snsClient, DLQ_TOPIC),
      clock: fixedClock(NOW),
      logger: captureLogger(),
    });

    const batchSize = 100;
    let position = 0;
    let invocations = 0;
    let redeliveries = 0;
    const outageAt = new Set([0, 3]);
    const firstAlert = [...reference.alertSink.alerts.keys()][2];
    sns.failAlertOnce.add(firstAlert);
    while (position < records.length) {
      statePutsBeforeOutage = outageAt.delete(invocations) ? 3 : Infinity;
      invocations++;
      expect(invocations).toBeLessThan(100);
      const batch = records.slice(position, position + batchSize);
      const { batchItemFailures } = await handle({ Records: batch });
      if (batchItemFailures.length === 0) {
        position += batch.length;
        continue;
      }
      redeliveries++;
      const lowest = batchItemFailures[0].itemIdentifier;
      position = records.findIndex((r) => r.kinesis.sequenceNumber === lowest);
      expect(position).toBeGreaterThanOrEqual(0);
    }
    expect(redeliveries).toBeGreaterThanOrEqual(3);
    expect(sns.failAlertOnce.size).toBe(0);

    // Exact final state.
    const stored = (await doc.send(new ScanCommand({ TableName: STATE_TABLE }))).Items ?? [];
    const expectedState = [...reference.stateStore.items].map(([patient, s]) => ({
      patientId: patient,
      lastSeq: s.lastSeq,
      stats: Array.from(s.stats),
    }));
    const sortById = (a: { patientId: unknown }, b: { patientId: unknown }) =>
      String(a.patientId).localeCompare(String(b.patientId));
    expect(
      stored
        .map((i) => ({ patientId: i.patientId, lastSeq: i.lastSeq, stats: i.stats }))
        .sort(sortById),
    ).toEqual(expectedState.sort(sortById));

    // Exact alert set, each published exactly once and recorded as sent.
    // What is published is each alert's PHI-free notice (the app's https body), never the alert itself.
    const expectedAlerts = [...reference.alertSink.alerts.values()]
      .map((a) => JSON.parse(JSON.stringify(a)))
      .sort((a, b) => a.alertId.localeCompare(b.alertId));
    const published = sns.alertMessages
      .map((m) => JSON.parse(String(m.body.https)))
      .sort((a, b) => String(a.alertId).localeCompare(String(b.alertId)));
    expect(published).toEqual(expectedAlerts.map((a) => alertNotice(a, NOTICE).body));
    const ledger = (await doc.send(new ScanCommand({ TableName: ALERT_TABLE }))).Items ?? [];
    expect(ledger.map((i) => [i.alertId, i.status]).sort()).toEqual(
      expectedAlerts.map((a) => [a.alertId, "sent"]).sort(),
    );

    // Every poison record reached the dead-letter topic (at least once; the record id lets consumers dedupe).
    const letterIds = new Set(sns.deadLetters.map((l) => l.id));
    expect([...letterIds].sort()).toEqual([...reference.deadLetterSink.letters.keys()].sort());

    // A full replay of the stream (iterator reset) changes nothing and publishes nothing.
    const publishedBefore = sns.alertMessages.length;
    for (let i = 0; i < records.length; i += batchSize) {
      expect(
        (await handle({ Records: records.slice(i, i + batchSize) })).batchItemFailures,
      ).toEqual([]);
    }
    expect(sns.alertMessages.length).toBe(publishedBefore);
    const after = (await doc.send(new ScanCommand({ TableName: STATE_TABLE }))).Items ?? [];
    expect(after.map((i) => [i.patientId, i.version]).sort()).toEqual(
      stored.map((i) => [i.patientId, i.version]).sort(),
    );
  });
});
