/**
 * AWS implementations of the vitals ports: DynamoDB for per-patient state (conditional on version) and for the
 * alert ledger (conditional on alert id), SNS for alert notifications and dead letters.
 */
import { ConditionalCheckFailedException } from "@aws-sdk/client-dynamodb";
import {
  BatchGetCommand,
  DynamoDBDocumentClient,
  PutCommand,
  UpdateCommand,
} from "@aws-sdk/lib-dynamodb";
import { PublishBatchCommand, PublishCommand, SNSClient } from "@aws-sdk/client-sns";
import { isFifoTopic } from "../lib/aws/env";
import { NoticeSettings, alertNotice, checkLinkBase } from "./notice";
import type {
  Alert,
  AlertSink,
  DeadLetter,
  DeadLetterSink,
  PatientState,
  StateLoad,
  StateStore,
  StateUpdate,
} from "./types";

/** DynamoDB BatchGetItem accepts at most 100 keys per call. */
const BATCH_GET_LIMIT = 100;
/** Retries of UnprocessedKeys (throttling) before the remaining patients are reported failed and retried by Lambda. */
const BATCH_GET_RETRIES = 3;
/** Concurrent conditional writes per batch; bounded to stay inside the SDK's socket pool (50 by default). */
const WRITE_CONCURRENCY = 32;
/** SNS PublishBatch accepts at most 10 entries per call. */
const PUBLISH_BATCH_LIMIT = 10;
/** Baselines of patients who stopped sending expire (DynamoDB TTL) after this long: data minimisation. */
const STATE_TTL_SECONDS = 30 * 24 * 3600;

async function forEachLimited<T>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      await fn(items[next++]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/**
 * Table layout: partition key `patientId` (S); `version` (N), `lastSeq` (S), `stats` (L of N: the packed
 * baseline, see types.ts), `expiresAt` (N, TTL).
 */
export class DynamoStateStore implements StateStore {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly now: () => number = Date.now,
  ) {}

  async load(patients: readonly string[]): Promise<StateLoad> {
    const states = new Map<string, PatientState>();
    const failed = new Set<string>();
    const chunks: string[][] = [];
    for (let i = 0; i < patients.length; i += BATCH_GET_LIMIT) {
      chunks.push(patients.slice(i, i + BATCH_GET_LIMIT));
    }
    await forEachLimited(chunks, 4, async (chunk) => {
      let keys: Array<Record<string, unknown>> = chunk.map((patientId) => ({ patientId }));
      try {
        for (let attempt = 0; attempt <= BATCH_GET_RETRIES && keys.length > 0; attempt++) {
          const out = await this.doc.send(
            new BatchGetCommand({
              RequestItems: { [this.tableName]: { Keys: keys, ConsistentRead: true } },
            }),
          );
          for (const item of out.Responses?.[this.tableName] ?? []) {
            states.set(item.patientId as string, {
              patient: item.patientId as string,
              version: item.version as number,
              lastSeq: item.lastSeq as string,
              stats: Float64Array.from(item.stats as number[]),
            });
          }
          keys = (out.UnprocessedKeys?.[this.tableName]?.Keys ?? []) as typeof keys;
        }
      } catch {
        // The chunk's unread patients are reported failed below; their records are retried by Lambda.
      }
      for (const key of keys) {
        failed.add(key.patientId as string);
      }
    });
    return { states, failed };
  }

  async save(updates: readonly StateUpdate[]): Promise<ReadonlySet<string>> {
    const failed = new Set<string>();
    const expiresAt = Math.floor(this.now() / 1000) + STATE_TTL_SECONDS;
    await forEachLimited(updates, WRITE_CONCURRENCY, async ({ state, expectedVersion }) => {
      try {
        await this.doc.send(
          new PutCommand({
            TableName: this.tableName,
            Item: {
              patientId: state.patient,
              version: expectedVersion + 1,
              lastSeq: state.lastSeq,
              stats: Array.from(state.stats),
              expiresAt,
            },
            ConditionExpression:
              expectedVersion === 0 ? "attribute_not_exists(patientId)" : "version = :expected",
            ExpressionAttributeValues:
              expectedVersion === 0 ? undefined : { ":expected": expectedVersion },
          }),
        );
      } catch {
        // A conflict (another delivery moved the baseline) and an outage are handled alike: the patient's records
        // are retried and re-read against whatever state won.
        failed.add(state.patient);
      }
    });
    return failed;
  }
}

/**
 * Alerts are recorded in a ledger table keyed by `alertId` before they are published, so a replayed reading finds
 * its alert already sent. The ledger keeps the whole alert; the published message is the PHI-free notice of
 * notice.ts (pseudonymous patient id and a link), never the alert itself. Ledger item: `alertId` (S, partition key), `status` ("pending" | "sent"), the alert.
 * A crash between publishing and marking "sent" republishes with the same id (SNS FIFO dedupes it within 5
 * minutes; subscribers dedupe on the `alertId` message attribute).
 */
export class DynamoSnsAlertSink implements AlertSink {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly sns: SNSClient,
    private readonly tableName: string,
    private readonly topicArn: string,
    private readonly notice: NoticeSettings,
  ) {
    checkLinkBase(notice.linkBase);
  }

  async publish(alerts: readonly Alert[]): Promise<ReadonlySet<string>> {
    const failed = new Set<string>();
    const fifo = isFifoTopic(this.topicArn);
    await forEachLimited(alerts, WRITE_CONCURRENCY, async (alert) => {
      try {
        try {
          await this.doc.send(
            new PutCommand({
              TableName: this.tableName,
              Item: { ...alert, status: "pending" },
              ConditionExpression: "attribute_not_exists(alertId) OR #status = :pending",
              ExpressionAttributeNames: { "#status": "status" },
              ExpressionAttributeValues: { ":pending": "pending" },
            }),
          );
        } catch (err) {
          if (err instanceof ConditionalCheckFailedException) {
            return;
          }
          throw err;
        }
        await this.sns.send(
          new PublishCommand({
            TopicArn: this.topicArn,
            Message: alertNotice(alert, this.notice).message,
            MessageStructure: "json",
            MessageAttributes: { alertId: { DataType: "String", StringValue: alert.alertId } },
            ...(fifo
              ? { MessageDeduplicationId: alert.alertId, MessageGroupId: alert.alertId }
              : {}),
          }),
        );
        await this.doc.send(
          new UpdateCommand({
            TableName: this.tableName,
            Key: { alertId: alert.alertId },
            UpdateExpression: "SET #status = :sent",
            ExpressionAttributeNames: { "#status": "status" },
            ExpressionAttributeValues: { ":sent": "sent" },
          }),
        );
      } catch {
        failed.add(alert.alertId);
      }
    });
    return failed;
  }
}

/** Dead letters to an SNS topic (subscribe an encrypted SQS queue to keep them); the message is the DeadLetter JSON. */
export class SnsDeadLetterSink implements DeadLetterSink {
  constructor(
    private readonly sns: SNSClient,
    private readonly topicArn: string,
  ) {}

  async send(letters: readonly DeadLetter[]): Promise<ReadonlySet<string>> {
    const failed = new Set<string>();
    const fifo = isFifoTopic(this.topicArn);
    const chunks: DeadLetter[][] = [];
    for (let i = 0; i < letters.length; i += PUBLISH_BATCH_LIMIT) {
      chunks.push(letters.slice(i, i + PUBLISH_BATCH_LIMIT));
    }
    await forEachLimited(chunks, 8, async (chunk) => {
      try {
        const out = await this.sns.send(
          new PublishBatchCommand({
            TopicArn: this.topicArn,
            PublishBatchRequestEntries: chunk.map((letter, i) => ({
              Id: String(i),
              Message: JSON.stringify(letter),
              MessageAttributes: {
                reason: { DataType: "String", StringValue: letter.reason },
                recordId: { DataType: "String", StringValue: letter.id },
              },
              ...(fifo
                ? {
                    MessageDeduplicationId: letter.sequenceNumber,
                    MessageGroupId: letter.partitionKey,
                  }
                : {}),
            })),
          }),
        );
        for (const entry of out.Failed ?? []) {
          failed.add(chunk[Number(entry.Id)].id);
        }
      } catch {
        for (const letter of chunk) {
          failed.add(letter.id);
        }
      }
    });
    return failed;
  }
}
