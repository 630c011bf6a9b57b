import { alertIdOf, compareSequence, createHandler } from "../../../functions/vitals-anomaly/batch";
import {
  MemoryAlertSink,
  MemoryDeadLetterSink,
  MemoryStateStore,
  fixedClock,
} from "../../../functions/vitals-anomaly/memory";
import type {
  Alert,
  DeadLetter,
  StateLoad,
  StateUpdate,
} from "../../../functions/vitals-anomaly/types";
import { F_N } from "../../../functions/vitals-anomaly/types";
import { b64, captureLogger, eventOf, seqOf } from "./helpers";

const NOW = Date.parse("2026-11-23T12:00:00Z");
const T0 = NOW - 24 * 3600_000;

function hr(patient: string, minute: number, value: number) {
  return {
    patient,
    device: `dev-${patient}`,
    ts: T0 + minute * 60_000,
    type: "hr",
    value,
    unit: "/min",
  };
}

function setup() {
  const stateStore = new MemoryStateStore();
  const alertSink = new MemoryAlertSink();
  const deadLetterSink = new MemoryDeadLetterSink();
  const logger = captureLogger();
  const deps = { stateStore, alertSink, deadLetterSink, clock: fixedClock(NOW), logger };
  return { ...deps, handle: createHandler(deps) };
}

function failures(result: { batchItemFailures: Array<{ itemIdentifier: string }> }): string[] {
  return result.batchItemFailures.map((f) => f.itemIdentifier);
}

describe("compareSequence", () => {
  it.each([
    ["9", "10", -1],
    ["10", "9", 1],
    ["123", "124", -1],
    ["124", "124", 0],
  ])("%s vs %s", (a, b, sign) => {
    expect(Math.sign(compareSequence(a, b))).toBe(sign);
  });
});

describe("vitals batch handler", () => {
  it("scores a batch, loads and saves state once, and alerts exactly on the planted spike", async () => {
    const s = setup();
    const payloads = [
      ...Array.from({ length: 40 }, (_, i) => hr("p1", i, 72 + (i % 3))),
      hr("p1", 40, 110),
      hr("p2", 0, 160),
    ];
    const result = await s.handle(eventOf(payloads));
    expect(failures(result)).toEqual([]);
    expect(s.stateStore.loads).toBe(1);
    expect(s.stateStore.saves).toBe(1);
    expect(
      [...s.alertSink.alerts.values()].map((a) => [a.patient, a.kind, a.value, a.sequenceNumber]),
    ).toEqual([
      ["p1", "deviation", 110, seqOf(41)],
      ["p2", "limit-high", 160, seqOf(42)],
    ]);
    const alert = s.alertSink.alerts.get(alertIdOf("p1", "hr", T0 + 40 * 60_000)) as Alert;
    expect(alert.alertId).toMatch(/^[0-9a-f]{64}$/);
    expect(s.stateStore.items.get("p1")).toMatchObject({ version: 1, lastSeq: seqOf(41) });
    expect(s.stateStore.items.get("p1")?.stats[F_N]).toBe(41);
    expect(s.logger.lines).toHaveLength(1);
    expect(JSON.parse(s.logger.lines[0]).extra[0].summary).toEqual({
      records: 42,
      readings: 42,
      patients: 2,
      alerts: 2,
      deadLettered: 0,
      replaysSkipped: 0,
      staleSkipped: 0,
      failed: 0,
    });
  });

  it("a replayed batch moves no baseline and duplicates no alert", async () => {
    const s = setup();
    const event = eventOf([
      ...Array.from({ length: 30 }, (_, i) => hr("p1", i, 70)),
      hr("p1", 30, 170),
    ]);
    await s.handle(event);
    const before = s.stateStore.items.get("p1");
    const again = await s.handle(event);
    expect(failures(again)).toEqual([]);
    expect(s.stateStore.items.get("p1")).toBe(before);
    expect(s.alertSink.alerts.size).toBe(1);
    expect(s.alertSink.duplicates).toBe(0);
  });

  it("dead-letters every malformed kind with its reason and goes on with the batch", async () => {
    const s = setup();
    const event = eventOf([
      hr("p1", 0, 70),
      "%%%",
      b64("{"),
      { ...hr("p1", 1, 70), type: "glucose" },
      { ...hr("p1", 2, 70), value: 999 },
      { ...hr("p1", 3, 70), unit: "%" },
      hr("p1", 4, 71),
    ]);
    const result = await s.handle(event);
    expect(failures(result)).toEqual([]);
    expect([...s.deadLetterSink.letters.values()].map((l) => [l.sequenceNumber, l.reason])).toEqual(
      [
        [seqOf(2), "bad-base64"],
        [seqOf(3), "bad-json"],
        [seqOf(4), "unknown-signal"],
        [seqOf(5), "impossible-value"],
        [seqOf(6), "wrong-unit"],
      ],
    );
    const letter = s.deadLetterSink.letters.get(`shardId-000000000000:${seqOf(2)}`) as DeadLetter;
    expect(letter).toMatchObject({ data: "%%%", receivedAt: NOW, partitionKey: "x" });
    expect(s.stateStore.items.get("p1")).toMatchObject({ lastSeq: seqOf(7) });
    expect(s.stateStore.items.get("p1")?.stats[F_N]).toBe(2);
  });

  it("fails a patient's later records after its dead letter could not be written, and keeps others going", async () => {
    const s = setup();
    const letters = new MemoryDeadLetterSink();
    const handle = createHandler({
      ...s,
      deadLetterSink: {
        send: async (batch: readonly DeadLetter[]) => {
          await letters.send(batch);
          return new Set(batch.filter((l) => l.reason === "wrong-unit").map((l) => l.id));
        },
      },
    });
    const event = eventOf([
      hr("p1", 0, 70),
      hr("p2", 0, 70),
      { ...hr("p1", 1, 70), unit: "%" },
      hr("p2", 1, 70),
      hr("p1", 2, 70),
      "%%%",
    ]);
    expect(failures(await handle(event))).toEqual([seqOf(3), seqOf(5)]);
    expect(s.stateStore.items.get("p1")).toMatchObject({ lastSeq: seqOf(1) });
    expect(s.stateStore.items.get("p2")).toMatchObject({ lastSeq: seqOf(4) });
  });

  it("fails every record of a patient whose state cannot be loaded or saved, and leaves its baseline alone", async () => {
    const s = setup();
    await s.handle(eventOf([hr("p1", 0, 70), hr("p2", 0, 70), hr("p3", 0, 70)]));
    const handle = createHandler({
      ...s,
      stateStore: {
        load: async (patients: readonly string[]): Promise<StateLoad> => {
          const loaded = await s.stateStore.load(patients.filter((p) => p !== "p1"));
          return { states: loaded.states, failed: new Set(["p1"]) };
        },
        save: async (updates: readonly StateUpdate[]) => {
          await s.stateStore.save(updates.filter((u) => u.state.patient !== "p2"));
          return new Set(["p2"]);
        },
      },
    });
    const before = new Map(s.stateStore.items);
    const event = eventOf([hr("p1", 1, 70), hr("p2", 1, 70), hr("p3", 1, 70), hr("p1", 2, 70)], 4);
    expect(failures(await handle(event))).toEqual([seqOf(4), seqOf(5), seqOf(7)]);
    expect(s.stateStore.items.get("p1")).toBe(before.get("p1"));
    expect(s.stateStore.items.get("p2")).toBe(before.get("p2"));
    expect(s.stateStore.items.get("p3")).toMatchObject({ version: 2, lastSeq: seqOf(6) });
  });

  it("fails the patient's records when its alert cannot be published", async () => {
    const s = setup();
    const handle = createHandler({
      ...s,
      alertSink: {
        publish: async (alerts: readonly Alert[]) => new Set(alerts.map((a) => a.alertId)),
      },
    });
    const event = eventOf([hr("p1", 0, 70), hr("p2", 0, 30), hr("p2", 1, 70)]);
    expect(failures(await handle(event))).toEqual([seqOf(2), seqOf(3)]);
    expect(s.stateStore.items.has("p2")).toBe(false);
    expect(s.stateStore.items.get("p1")).toMatchObject({ lastSeq: seqOf(1) });
  });

  it("reports everything for retry when a sink throws, without throwing itself", async () => {
    const s = setup();
    const handle = createHandler({
      ...s,
      stateStore: {
        load: async () => {
          throw new Error("connection reset for patient p1");
        },
        save: async () => new Set<string>(),
      },
    });
    const result = await handle(eventOf([hr("p1", 0, 70), hr("p2", 0, 70)]));
    expect(failures(result)).toEqual([seqOf(1), seqOf(2)]);
    expect(s.logger.lines.join("\n")).not.toContain("p1");
  });

  it("loses a conditional-write race safely: the losing delivery is retried against the winner's state", async () => {
    const s = setup();
    await s.handle(eventOf([hr("p1", 0, 70)]));
    const stale = await s.stateStore.load(["p1"]);
    await s.handle(eventOf([hr("p1", 1, 70)], 2));
    const handle = createHandler({
      ...s,
      stateStore: { load: async () => stale, save: (u) => s.stateStore.save(u) },
    });
    expect(failures(await handle(eventOf([hr("p1", 2, 70)], 3)))).toEqual([seqOf(3)]);
    expect(s.stateStore.items.get("p1")).toMatchObject({ version: 2, lastSeq: seqOf(2) });
  });

  it("counts device resends of an already scored reading as stale", async () => {
    const s = setup();
    const result = await s.handle(eventOf([hr("p1", 0, 70), hr("p1", 0, 70), hr("p1", 1, 71)]));
    expect(failures(result)).toEqual([]);
    expect(JSON.parse(s.logger.lines[0]).extra[0].summary.staleSkipped).toBe(1);
    expect(s.stateStore.items.get("p1")?.stats[F_N]).toBe(2);
  });
});
