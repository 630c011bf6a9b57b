import type { KinesisStreamEvent, KinesisStreamRecord } from "aws-lambda";
import type { HandlerLogger } from "../../../functions/vitals-anomaly/types";

export interface Compact {
  patient: string;
  device: string;
  ts: number | string;
  type: string;
  value: number;
  unit: string;
}

export function b64(value: unknown): string {
  return Buffer.from(typeof value === "string" ? value : JSON.stringify(value)).toString("base64");
}

/** Sequence numbers shaped like Kinesis's (56 digits), increasing with `n`. */
export function seqOf(n: number): string {
  return "49" + String(n).padStart(54, "0");
}

export function kinesisRecord(
  data: string,
  seq: string,
  partitionKey: string,
): KinesisStreamRecord {
  return {
    awsRegion: "eu-central-1",
    eventID: `shardId-000000000000:${seq}`,
    eventName: "aws:kinesis:record",
    eventSource: "aws:kinesis",
    eventSourceARN: "arn:aws:kinesis:eu-central-1:123456789012:stream/vitals",
    eventVersion: "1.0",
    invokeIdentityArn: "arn:aws:iam::123456789012:role/vitals",
    kinesis: {
      kinesisSchemaVersion: "1.0",
      partitionKey,
      sequenceNumber: seq,
      data,
      approximateArrivalTimestamp: 1_700_000_000,
    },
  };
}

/** An event of records numbered from `firstSeq`; each payload is JSON-encoded unless it is already a string. */
export function eventOf(payloads: ReadonlyArray<unknown>, firstSeq = 1): KinesisStreamEvent {
  return {
    Records: payloads.map((p, i) => {
      const patient =
        typeof p === "object" && p !== null && "patient" in p
          ? String((p as Compact).patient)
          : "x";
      return kinesisRecord(typeof p === "string" ? p : b64(p), seqOf(firstSeq + i), patient);
    }),
  };
}

export interface CapturedLogger extends HandlerLogger {
  readonly lines: string[];
}

/** Records every call as one JSON line, like a structured logger would emit it. */
export function captureLogger(): CapturedLogger {
  const lines: string[] = [];
  const log =
    (level: string) =>
    (message: string, ...extra: Array<Record<string, unknown>>): void => {
      lines.push(JSON.stringify({ level, message, extra }));
    };
  return { lines, info: log("info"), warn: log("warn"), error: log("error") };
}
