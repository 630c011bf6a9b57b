import type { VitalProblemReason, VitalSignal } from "../lib/fhir/vitals";

/** Fields per signal in `PatientState.stats`: count, mean, (M2 during warm-up | variance after), last timestamp. */
export const STAT_FIELDS = 4;
export const F_N = 0;
export const F_MEAN = 1;
export const F_VAR = 2;
export const F_LAST_TS = 3;

/**
 * Per-patient baseline. `stats` packs every signal's fields in one typed array (SIGNAL_INDEX * STAT_FIELDS) to keep
 * the state of a million patients small and copying it cheap.
 */
export interface PatientState {
  readonly patient: string;
  /** Version of the stored item this state was loaded from; 0 when there was none. Saved as version + 1. */
  readonly version: number;
  /** Highest Kinesis sequence number already applied; "" when none. Records at or below it are replays. */
  lastSeq: string;
  readonly stats: Float64Array;
}

export interface StateUpdate {
  readonly state: PatientState;
  /** The version the stored item must still have (0: must not exist) for the write to succeed. */
  readonly expectedVersion: number;
}

export interface StateLoad {
  readonly states: ReadonlyMap<string, PatientState>;
  /** Patients whose state could not be read; their records are reported failed and retried. */
  readonly failed: ReadonlySet<string>;
}

export interface StateStore {
  /** Loads every listed patient's state once per batch; absent patients are simply missing from `states`. */
  load(patients: readonly string[]): Promise<StateLoad>;
  /** Writes each state conditionally on `expectedVersion`; returns the patients whose write failed or conflicted. */
  save(updates: readonly StateUpdate[]): Promise<ReadonlySet<string>>;
}

export type AlertKind = "limit-low" | "limit-high" | "deviation";

export interface Alert {
  /** Deterministic from patient, signal and reading time: the sink dedupes on it, so replays cannot duplicate. */
  readonly alertId: string;
  readonly patient: string;
  readonly device: string | undefined;
  readonly signal: VitalSignal;
  readonly kind: AlertKind;
  readonly ts: number;
  /** Value in the signal's canonical unit. */
  readonly value: number;
  readonly unit: string;
  /** Baseline at the time of the reading (absent before the minimum sample count). */
  readonly baselineMean: number | undefined;
  readonly baselineSigma: number | undefined;
  readonly z: number | undefined;
  readonly sequenceNumber: string;
}

export interface AlertSink {
  /** Publishes alerts idempotently by `alertId`; returns the ids that could not be published. */
  publish(alerts: readonly Alert[]): Promise<ReadonlySet<string>>;
}

export interface DeadLetter {
  /** The Kinesis eventID (shard and sequence number): unique, so a sink can dedupe redeliveries. */
  readonly id: string;
  readonly reason: VitalProblemReason;
  readonly detail: string;
  readonly sequenceNumber: string;
  readonly partitionKey: string;
  /** The record's payload as received (base64), so it can be repaired and replayed. */
  readonly data: string;
  readonly receivedAt: number;
}

export interface DeadLetterSink {
  /** Stores dead letters; returns the ids that could not be stored (those records are reported failed). */
  send(letters: readonly DeadLetter[]): Promise<ReadonlySet<string>>;
}

export interface Clock {
  now(): number;
}

/** The subset of the Powertools Logger the handlers use. */
export interface HandlerLogger {
  info(message: string, ...extra: Array<Record<string, unknown>>): void;
  warn(message: string, ...extra: Array<Record<string, unknown>>): void;
  error(message: string, ...extra: Array<Record<string, unknown>>): void;
}

export interface BatchSummary {
  readonly records: number;
  readonly readings: number;
  readonly patients: number;
  readonly alerts: number;
  readonly deadLettered: number;
  readonly replaysSkipped: number;
  readonly staleSkipped: number;
  readonly failed: number;
}
