/**
 * Lambda entry point of the vitals anomaly detector (Kinesis event source mapping with ReportBatchItemFailures).
 * `createHandler` takes every dependency; `handler` wires the AWS ones from the environment at cold start.
 */
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { SNSClient } from "@aws-sdk/client-sns";
import type { KinesisStreamBatchResponse, KinesisStreamEvent } from "aws-lambda";
import { requireEnv } from "../lib/aws/env";
import { createLogger } from "../lib/logging";
import { DynamoSnsAlertSink, DynamoStateStore, SnsDeadLetterSink } from "./aws";
import { VitalsHandler, createHandler } from "./batch";
import { systemClock } from "./memory";

export { createHandler };
export type { VitalsHandler, VitalsHandlerDeps } from "./batch";

/** The environment variables the deployed function reads. */
export const ENVIRONMENT = {
  VITALS_STATE_TABLE:
    "the DynamoDB table of per-patient baselines (partition key patientId, TTL expiresAt)",
  VITALS_ALERT_TABLE: "the DynamoDB alert ledger table (partition key alertId)",
  VITALS_ALERT_TOPIC_ARN: "the SNS topic ARN alerts are published to",
  VITALS_DEAD_LETTER_TOPIC_ARN: "the SNS topic ARN malformed records are sent to",
  VITALS_ALERT_LINK_BASE:
    "the clinical app's alert URL prefix the alert id is appended to, https://.../alerts/",
  PHI_PSEUDONYM_KEY:
    "the HMAC key of patient pseudonyms (resolved from PHI_PSEUDONYM_KEY_SECRET_ARN at cold start)",
} as const;

function createAwsHandler(): VitalsHandler {
  const env = Object.fromEntries(
    Object.entries(ENVIRONMENT).map(([name, expected]) => [name, requireEnv(name, expected)]),
  ) as Record<keyof typeof ENVIRONMENT, string>;
  const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}), {
    marshallOptions: { removeUndefinedValues: true },
  });
  const sns = new SNSClient({});
  return createHandler({
    stateStore: new DynamoStateStore(doc, env.VITALS_STATE_TABLE),
    alertSink: new DynamoSnsAlertSink(
      doc,
      sns,
      env.VITALS_ALERT_TABLE,
      env.VITALS_ALERT_TOPIC_ARN,
      {
        pseudonymKey: env.PHI_PSEUDONYM_KEY,
        linkBase: env.VITALS_ALERT_LINK_BASE,
      },
    ),
    deadLetterSink: new SnsDeadLetterSink(sns, env.VITALS_DEAD_LETTER_TOPIC_ARN),
    clock: systemClock,
    logger: createLogger({ serviceName: "vitals-anomaly" }),
  });
}

let wired: VitalsHandler | undefined;

export async function handler(event: KinesisStreamEvent): Promise<KinesisStreamBatchResponse> {
  wired ??= createAwsHandler();
  return wired(event);
}
