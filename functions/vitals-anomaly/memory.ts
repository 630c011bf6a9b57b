/**
 * In-memory implementations of the vitals ports, for tests and benchmarks. They keep the same contracts as the
 * AWS ones: state copies in and out (so a failed save leaves nothing half-applied), conditional writes on version,
 * alerts and dead letters deduplicated by id.
 */
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

interface StoredState {
  readonly version: number;
  readonly lastSeq: string;
  readonly stats: Float64Array;
}

export class MemoryStateStore implements StateStore {
  readonly items = new Map<string, StoredState>();
  loads = 0;
  saves = 0;

  async load(patients: readonly string[]): Promise<StateLoad> {
    this.loads++;
    const states = new Map<string, PatientState>();
    for (const patient of patients) {
      const item = this.items.get(patient);
      if (item !== undefined) {
        states.set(patient, {
          patient,
          version: item.version,
          lastSeq: item.lastSeq,
          stats: item.stats.slice(),
        });
      }
    }
    return { states, failed: new Set() };
  }

  async save(updates: readonly StateUpdate[]): Promise<ReadonlySet<string>> {
    this.saves++;
    const failed = new Set<string>();
    for (const { state, expectedVersion } of updates) {
      const current = this.items.get(state.patient)?.version ?? 0;
      if (current !== expectedVersion) {
        failed.add(state.patient);
        continue;
      }
      this.items.set(state.patient, {
        version: expectedVersion + 1,
        lastSeq: state.lastSeq,
        stats: state.stats.slice(),
      });
    }
    return failed;
  }
}

export class MemoryAlertSink implements AlertSink {
  readonly alerts = new Map<string, Alert>();
  /** Publish calls whose alert id had been published before (replays the sink absorbed). */
  duplicates = 0;

  async publish(alerts: readonly Alert[]): Promise<ReadonlySet<string>> {
    for (const alert of alerts) {
      if (this.alerts.has(alert.alertId)) {
        this.duplicates++;
      } else {
        this.alerts.set(alert.alertId, alert);
      }
    }
    return new Set();
  }
}

export class MemoryDeadLetterSink implements DeadLetterSink {
  readonly letters = new Map<string, DeadLetter>();

  async send(letters: readonly DeadLetter[]): Promise<ReadonlySet<string>> {
    for (const letter of letters) {
      this.letters.set(letter.id, letter);
    }
    return new Set();
  }
}

export const systemClock = { now: (): number => Date.now() };

export function fixedClock(ms: number): { now(): number } {
  return { now: () => ms };
}
