/**
 * One Kinesis batch through the detector. The ordering and replay rules (README.md "Delivery guarantees"):
 * - state is loaded once per patient per batch and written once, conditionally on the version it was read at;
 * - a record at or below the patient's stored lastSeq was already applied by an earlier delivery and is skipped;
 * - once a patient's record fails, that patient's later records in the batch are failed too, never applied, so
 *   Lambda's restart from the lowest failed sequence number cannot find them already applied past a gap;
 * - if the patient's alerts or state cannot be written, none of its records in this batch count as done.
 */
import { createHash } from "crypto";
import type { KinesisStreamEvent, KinesisStreamBatchResponse } from "aws-lambda";
import { SIGNALS, VITAL_SIGNALS, VitalProblem, VitalReading } from "../lib/fhir/vitals";
import { DEFAULT_CONFIG, DetectorConfig } from "./config";
import { decodeRecord } from "./decode";
import { Detector, STALE } from "./detector";
import {
  Alert,
  AlertSink,
  BatchSummary,
  Clock,
  DeadLetter,
  DeadLetterSink,
  HandlerLogger,
  PatientState,
  STAT_FIELDS,
  StateLoad,
  StateStore,
  StateUpdate,
} from "./types";

export interface VitalsHandlerDeps {
  readonly stateStore: StateStore;
  readonly alertSink: AlertSink;
  readonly deadLetterSink: DeadLetterSink;
  readonly clock: Clock;
  readonly logger: HandlerLogger;
  /** @default DEFAULT_CONFIG */
  readonly config?: DetectorConfig;
}

export type VitalsHandler = (event: KinesisStreamEvent) => Promise<KinesisStreamBatchResponse>;

const STATS_LENGTH = VITAL_SIGNALS.length * STAT_FIELDS;

export function emptyState(patient: string): PatientState {
  return { patient, version: 0, lastSeq: "", stats: new Float64Array(STATS_LENGTH) };
}

/** Kinesis sequence numbers are decimal strings of up to 128 digits: compare by length, then digit by digit. */
export function compareSequence(a: string, b: string): number {
  if (a.length !== b.length) {
    return a.length - b.length;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

export function alertIdOf(patient: string, signal: string, ts: number): string {
  return createHash("sha256").update(`vitals-alert\0${patient}\0${signal}\0${ts}`).digest("hex");
}

/** Per-patient bookkeeping for one batch. */
class PatientWork {
  /** Set when one of the patient's records failed: later records are failed without being applied. */
  blocked = false;
  /** Set when the patient's alerts or state write failed: every record applied in this batch is failed. */
  lost = false;
  dirty = false;
  constructor(
    readonly state: PatientState,
    readonly expectedVersion: number,
  ) {}
}

// Record status; 0 (the Uint8Array default) means not yet decided.
const DONE = 1;
const FAILED = 2;
const REPLAY = 3;

const NO_IDS: ReadonlySet<string> = new Set();

function errorName(err: unknown): string {
  return err instanceof Error ? err.name : typeof err;
}

export function createHandler(deps: VitalsHandlerDeps): VitalsHandler {
  const { stateStore, alertSink, deadLetterSink, clock, logger } = deps;
  const config = deps.config ?? DEFAULT_CONFIG;
  const detector = new Detector(config);

  async function guarded<T>(what: string, call: () => Promise<T>, onError: () => T): Promise<T> {
    try {
      return await call();
    } catch (err) {
      logger.error(`vitals: ${what} failed; the affected records are reported for retry`, {
        errorName: errorName(err),
      });
      return onError();
    }
  }

  return async function handle(event: KinesisStreamEvent): Promise<KinesisStreamBatchResponse> {
    const records = event.Records;
    const count = records.length;
    const receivedAt = clock.now();
    const latestTs = receivedAt + config.maxFutureSkewMs;

    const readings: VitalReading[] = [];
    const firstReading = new Int32Array(count + 1);
    const problems: Array<VitalProblem | undefined> = new Array(count);
    const patientOf: Array<string | undefined> = new Array(count);
    const patients = new Set<string>();
    for (let i = 0; i < count; i++) {
      const start = readings.length;
      firstReading[i] = start;
      const problem = decodeRecord(records[i].kinesis.data, latestTs, readings);
      const patient = problem === undefined ? readings[start].patient : problem.patient;
      problems[i] = problem;
      patientOf[i] = patient;
      if (patient !== undefined) {
        patients.add(patient);
      }
    }
    firstReading[count] = readings.length;

    const patientList = [...patients];
    const load = await guarded<StateLoad>(
      "state load",
      () => stateStore.load(patientList),
      () => ({ states: new Map(), failed: new Set(patientList) }),
    );
    const work = new Map<string, PatientWork>();
    for (const patient of patientList) {
      const state = load.states.get(patient) ?? emptyState(patient);
      const w = new PatientWork(state, state.version);
      w.blocked = load.failed.has(patient);
      work.set(patient, w);
    }

    const status = new Uint8Array(count);
    const letters: DeadLetter[] = [];
    for (let i = 0; i < count; i++) {
      const problem = problems[i];
      if (problem === undefined) {
        continue;
      }
      const w = problem.patient === undefined ? undefined : work.get(problem.patient);
      if (w !== undefined && (w.blocked || isApplied(w.state, records[i].kinesis.sequenceNumber))) {
        continue;
      }
      const record = records[i];
      letters.push({
        id: record.eventID,
        reason: problem.reason,
        detail: problem.detail,
        sequenceNumber: record.kinesis.sequenceNumber,
        partitionKey: record.kinesis.partitionKey,
        data: record.kinesis.data,
        receivedAt,
      });
    }
    const lettersFailed =
      letters.length === 0
        ? NO_IDS
        : await guarded(
            "dead-letter write",
            () => deadLetterSink.send(letters),
            () => new Set(letters.map((l) => l.id)),
          );

    let deadLettered = 0;
    let replaysSkipped = 0;
    let staleSkipped = 0;
    const alerts: Alert[] = [];
    for (let i = 0; i < count; i++) {
      const record = records[i];
      const patient = patientOf[i];
      const problem = problems[i];
      if (patient === undefined) {
        // No patient means no ordering to protect: only the dead letter decides.
        if (lettersFailed.has(record.eventID)) {
          status[i] = FAILED;
        } else {
          status[i] = DONE;
          deadLettered++;
        }
        continue;
      }
      const w = work.get(patient) as PatientWork;
      if (w.blocked) {
        status[i] = FAILED;
        continue;
      }
      const seq = record.kinesis.sequenceNumber;
      if (isApplied(w.state, seq)) {
        status[i] = REPLAY;
        replaysSkipped++;
        continue;
      }
      if (problem !== undefined) {
        if (lettersFailed.has(record.eventID)) {
          status[i] = FAILED;
          w.blocked = true;
          continue;
        }
        deadLettered++;
      } else {
        const stats = w.state.stats;
        for (let r = firstReading[i], end = firstReading[i + 1]; r < end; r++) {
          const reading = readings[r];
          const kind = detector.observe(stats, reading.signal, reading.value, reading.ts);
          if (kind === STALE) {
            staleSkipped++;
          } else if (kind !== undefined) {
            alerts.push({
              alertId: alertIdOf(patient, reading.signal, reading.ts),
              patient,
              device: reading.device,
              signal: reading.signal,
              kind,
              ts: reading.ts,
              value: reading.value,
              unit: SIGNALS[reading.signal].unit,
              baselineMean: detector.mean,
              baselineSigma: detector.sigma,
              z: detector.z,
              sequenceNumber: seq,
            });
          }
        }
      }
      w.state.lastSeq = seq;
      w.dirty = true;
      status[i] = DONE;
    }

    if (alerts.length > 0) {
      const alertsFailed = await guarded(
        "alert publish",
        () => alertSink.publish(alerts),
        () => new Set(alerts.map((a) => a.alertId)),
      );
      for (const alert of alerts) {
        if (alertsFailed.has(alert.alertId)) {
          (work.get(alert.patient) as PatientWork).lost = true;
        }
      }
    }

    const updates: StateUpdate[] = [];
    for (const w of work.values()) {
      if (w.dirty && !w.lost) {
        updates.push({ state: w.state, expectedVersion: w.expectedVersion });
      }
    }
    if (updates.length > 0) {
      const saveFailed = await guarded(
        "state save",
        () => stateStore.save(updates),
        () => new Set(updates.map((u) => u.state.patient)),
      );
      for (const patient of saveFailed) {
        (work.get(patient) as PatientWork).lost = true;
      }
    }

    const batchItemFailures: KinesisStreamBatchResponse["batchItemFailures"] = [];
    for (let i = 0; i < count; i++) {
      const patient = patientOf[i];
      let s = status[i];
      if (s === DONE && patient !== undefined && (work.get(patient) as PatientWork).lost) {
        s = FAILED;
      }
      if (s === FAILED) {
        batchItemFailures.push({ itemIdentifier: records[i].kinesis.sequenceNumber });
      }
    }

    const summary: BatchSummary = {
      records: count,
      readings: readings.length,
      patients: patientList.length,
      alerts: alerts.length,
      deadLettered,
      replaysSkipped,
      staleSkipped,
      failed: batchItemFailures.length,
    };
    if (batchItemFailures.length > 0) {
      logger.warn("vitals batch done with records to retry", { summary });
    } else {
      logger.info("vitals batch done", { summary });
    }
    return { batchItemFailures };
  };
}

function isApplied(state: PatientState, seq: string): boolean {
  return state.lastSeq !== "" && compareSequence(seq, state.lastSeq) <= 0;
}
