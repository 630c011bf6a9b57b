/**
 * Vitals detector throughput through the whole handler (decode, validate, score, state, failure accounting) with
 * in-memory stores, next to a bare base64 + JSON.parse loop over the same batch; and baseline state memory.
 */
import * as v8 from "v8";
import * as vm from "vm";
import type { KinesisStreamEvent } from "aws-lambda";
import { createLogger } from "../functions/lib/logging";
import { VITAL_SIGNALS } from "../functions/lib/fhir/vitals";
import { DEFAULT_CONFIG } from "../functions/vitals-anomaly/config";
import { Detector } from "../functions/vitals-anomaly/detector";
import { createHandler, emptyState } from "../functions/vitals-anomaly/batch";
import {
  MemoryAlertSink,
  MemoryDeadLetterSink,
  MemoryStateStore,
  fixedClock,
} from "../functions/vitals-anomaly/memory";
import { BenchResult, medianMs } from "./lib";

const RECORDS = 10_000;
const PATIENTS = 1_000;
const MEMORY_PATIENTS = 100_000;
const MEMORY_SIGNALS = 5;
const TARGET_RPS = 130_000;
const TARGET_RATIO = 0.3;
const NOW = Date.parse("2026-11-23T12:00:00Z");

/** Deterministic pseudo-random numbers so every run measures the same batch. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

const KINDS: ReadonlyArray<readonly [string, string, number, number]> = [
  ["hr", "/min", 60, 40],
  ["spo2", "%", 94, 6],
  ["rr", "/min", 12, 8],
  ["temp", "Cel", 36.2, 1.2],
  ["sbp", "mm[Hg]", 105, 30],
];

/**
 * `perPatient` readings per patient, one every 10 s from `t0`, heart rate 60-100 with 1 % at 150-200 as the
 * retired Kinesis Analytics sample generator did, the other signals within their normal ranges.
 */
function buildEvent(
  t0: number,
  firstSeq: number,
  perPatient: number,
  seed: number,
): KinesisStreamEvent {
  const rnd = lcg(seed);
  const Records: KinesisStreamEvent["Records"] = [];
  for (let k = 0; k < perPatient; k++) {
    for (let p = 0; p < PATIENTS; p++) {
      const [type, unit, base, spread] = KINDS[(k + p) % KINDS.length];
      const value =
        type === "hr" && rnd() < 0.01
          ? 150 + rnd() * 50
          : Math.round((base + rnd() * spread) * 10) / 10;
      const patient = `patient-${p}`;
      const body = JSON.stringify({
        patient,
        device: `dev-${p}`,
        ts: t0 + k * 10_000,
        type,
        value,
        unit,
      });
      const seq = String(
        BigInt("49650000000000000000000000000000000000000000000000000000") +
          BigInt(firstSeq + Records.length),
      );
      Records.push({
        awsRegion: "eu-central-1",
        eventID: `shardId-000000000000:${seq}`,
        eventName: "aws:kinesis:record",
        eventSource: "aws:kinesis",
        eventSourceARN: "arn:aws:kinesis:eu-central-1:123456789012:stream/vitals",
        eventVersion: "1.0",
        invokeIdentityArn: "arn:aws:iam::123456789012:role/vitals",
        kinesis: {
          kinesisSchemaVersion: "1.0",
          partitionKey: patient,
          sequenceNumber: seq,
          data: Buffer.from(body).toString("base64"),
          approximateArrivalTimestamp: t0 / 1000,
        },
      });
    }
  }
  return { Records };
}

function gcFunction(): (() => void) | undefined {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed !== undefined) {
    return exposed;
  }
  // `tsx bench/index.ts` runs without --expose-gc; the flag can still be set at runtime for a fresh context.
  v8.setFlagsFromString("--expose-gc");
  return vm.runInNewContext("gc") as (() => void) | undefined;
}

async function stateBytesPerPatient(): Promise<number> {
  const gc = gcFunction();
  if (gc === undefined) {
    return NaN;
  }
  const detector = new Detector(DEFAULT_CONFIG);
  gc();
  const before = process.memoryUsage().heapUsed;
  const store = new MemoryStateStore();
  const updates = [];
  for (let p = 0; p < MEMORY_PATIENTS; p++) {
    const state = emptyState(`patient-${p}`);
    for (let s = 0; s < MEMORY_SIGNALS; s++) {
      detector.observe(state.stats, VITAL_SIGNALS[s], 50 + s, NOW);
    }
    state.lastSeq = String(
      BigInt("49650000000000000000000000000000000000000000000000000000") + BigInt(p),
    );
    updates.push({ state, expectedVersion: 0 });
    if (updates.length === 10_000) {
      await store.save(updates.splice(0));
    }
  }
  await store.save(updates.splice(0));
  gc();
  const after = process.memoryUsage().heapUsed;
  if (store.items.size !== MEMORY_PATIENTS) {
    throw new Error(`state memory: built ${store.items.size} states, expected ${MEMORY_PATIENTS}`);
  }
  return (after - before) / MEMORY_PATIENTS;
}

export async function run(): Promise<BenchResult> {
  const logger = createLogger({ serviceName: "vitals-bench", logFn: () => undefined });
  const clock = fixedClock(NOW);
  const perPatient = RECORDS / PATIENTS;
  const t0 = NOW - 3600_000;

  // Warm every baseline past warm-up so the measured batch exercises the EWMA path, as in steady state.
  const warmed = new MemoryStateStore();
  const warmHandle = createHandler({
    stateStore: warmed,
    alertSink: new MemoryAlertSink(),
    deadLetterSink: new MemoryDeadLetterSink(),
    clock,
    logger,
  });
  const warmRounds = Math.ceil((DEFAULT_CONFIG.warmup * KINDS.length) / perPatient) + 1;
  for (let round = 0; round < warmRounds; round++) {
    await warmHandle(
      buildEvent(t0 - (warmRounds - round) * 200_000, round * RECORDS, perPatient, round + 1),
    );
  }
  const event = buildEvent(t0, warmRounds * RECORDS, perPatient, 4242);

  let alerts = 0;
  let failed = 0;
  const handlerMs = await medianMs(
    async () => {
      const stateStore = new MemoryStateStore();
      for (const [k, v] of warmed.items) {
        stateStore.items.set(k, v);
      }
      const alertSink = new MemoryAlertSink();
      const handle = createHandler({
        stateStore,
        alertSink,
        deadLetterSink: new MemoryDeadLetterSink(),
        clock,
        logger,
      });
      const result = await handle(event);
      failed = result.batchItemFailures.length;
      alerts = alertSink.alerts.size;
    },
    10,
    2000,
  );

  let sink = 0;
  const bareMs = await medianMs(
    () => {
      for (const record of event.Records) {
        const body = JSON.parse(Buffer.from(record.kinesis.data, "base64").toString("utf8"));
        sink += body.value;
      }
    },
    10,
    2000,
  );
  if (!Number.isFinite(sink) || failed !== 0) {
    throw new Error(`vitals bench: the batch must process cleanly; ${failed} records failed`);
  }

  const handlerRps = RECORDS / (handlerMs / 1000);
  const bareRps = RECORDS / (bareMs / 1000);
  const ratio = handlerRps / bareRps;
  const bytes = await stateBytesPerPatient();
  return {
    title: `vitals anomaly detector: ${RECORDS.toLocaleString("en")} records over ${PATIENTS.toLocaleString("en")} patients per batch, one core`,
    rows: [
      {
        path: "whole handler (in-memory stores)",
        "ms/batch": handlerMs,
        "records/s": Math.round(handlerRps),
      },
      { path: "bare base64 + JSON.parse", "ms/batch": bareMs, "records/s": Math.round(bareRps) },
    ],
    notes: [
      `handler/bare ratio ${(ratio * 100).toFixed(1)} % (target >= ${TARGET_RATIO * 100} %: ${ratio >= TARGET_RATIO ? "met" : "MISSED"})`,
      `handler ${Math.round(handlerRps).toLocaleString("en")} records/s per core (target >= ${TARGET_RPS.toLocaleString("en")}: ${handlerRps >= TARGET_RPS ? "met" : "MISSED"})`,
      `${alerts} alerts in the measured batch; baselines warmed past warm-up (${DEFAULT_CONFIG.warmup} readings) before measuring`,
      Number.isFinite(bytes)
        ? `state memory: ${Math.round(bytes)} bytes per patient (${MEMORY_SIGNALS} signals), ${((bytes * 100_000) / 2 ** 20).toFixed(1)} MiB per 100,000 patients (heap delta after gc, in-memory store)`
        : "state memory: not measured (no gc available)",
      "median of >= 10 runs over >= 2 s each; single-threaded, so records/s is per core",
    ],
  };
}
