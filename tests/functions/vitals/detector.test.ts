import { DEFAULT_CONFIG } from "../../../functions/vitals-anomaly/config";
import { Detector, STALE } from "../../../functions/vitals-anomaly/detector";
import { F_MEAN, F_N } from "../../../functions/vitals-anomaly/types";

/** Deterministic noise in [-1, 1] so the tests need no random seed. */
function noise(i: number): number {
  return Math.sin(i * 12.9898) * 0.999;
}

function run(detector: Detector, stats: Float64Array, values: number[], t0 = 0) {
  return values.map((v, i) => detector.observe(stats, "hr", v, t0 + (i + 1) * 60_000));
}

describe("Detector", () => {
  const baseline = Array.from({ length: 60 }, (_, i) => 75 + 2 * noise(i));

  it("alerts exactly on the planted spikes and nowhere else", () => {
    const detector = new Detector(DEFAULT_CONFIG);
    const stats = new Float64Array(24);
    const values = [...baseline];
    values[40] = 105;
    values[50] = 52;
    const kinds = run(detector, stats, values);
    const alerts = kinds.flatMap((k, i) => (k === undefined ? [] : [[i, k]]));
    expect(alerts).toEqual([
      [40, "deviation"],
      [50, "deviation"],
    ]);
  });

  it("does not alert on a deviation before the minimum sample count, but the clinical limits still alert", () => {
    const detector = new Detector(DEFAULT_CONFIG);
    const stats = new Float64Array(24);
    const values = baseline.slice(0, DEFAULT_CONFIG.minSamples - 1);
    values[10] = 120;
    values[12] = 160;
    const kinds = run(detector, stats, values);
    expect(kinds.flatMap((k, i) => (k === undefined ? [] : [[i, k]]))).toEqual([
      [12, "limit-high"],
    ]);
    expect(detector.z).toBeUndefined();
    expect(detector.observe(stats, "hr", 35, 10_000_000)).toBe("limit-low");
  });

  it("reports the baseline with a deviation alert", () => {
    const detector = new Detector(DEFAULT_CONFIG);
    const stats = new Float64Array(24);
    run(detector, stats, new Array(40).fill(80));
    expect(detector.observe(stats, "hr", 95, 100_000_000)).toBe("deviation");
    expect(detector.mean).toBe(80);
    expect(detector.sigma).toBe(DEFAULT_CONFIG.signals.hr.sigmaFloor);
    expect(detector.z).toBe(5);
  });

  it("follows a slow drift without alerting", () => {
    const detector = new Detector(DEFAULT_CONFIG);
    const stats = new Float64Array(24);
    const values = Array.from({ length: 600 }, (_, i) => 70 + i * 0.1 + 2 * noise(i));
    expect(run(detector, stats, values).filter((k) => k !== undefined)).toEqual([]);
    expect(stats[F_MEAN]).toBeGreaterThan(125);
  });

  it("adapts to a sustained step: alerts at the step, then stops within a few readings", () => {
    const detector = new Detector(DEFAULT_CONFIG);
    const stats = new Float64Array(24);
    const values = [...baseline, ...Array.from({ length: 60 }, (_, i) => 100 + 2 * noise(i + 60))];
    const kinds = run(detector, stats, values);
    const alerted = kinds.flatMap((k, i) => (k === undefined ? [] : [i]));
    expect(alerted[0]).toBe(60);
    expect(alerted.length).toBeGreaterThan(0);
    expect(alerted.every((i) => i < 70)).toBe(true);
  });

  it("skips a reading that is not newer than the last one of its signal, leaving the baseline untouched", () => {
    const detector = new Detector(DEFAULT_CONFIG);
    const stats = new Float64Array(24);
    expect(detector.observe(stats, "hr", 70, 1000)).toBeUndefined();
    const before = stats.slice();
    expect(detector.observe(stats, "hr", 140, 1000)).toBe(STALE);
    expect(detector.observe(stats, "hr", 140, 999)).toBe(STALE);
    expect(stats).toEqual(before);
    expect(detector.observe(stats, "spo2", 97, 1000)).toBeUndefined();
    expect(stats[4 + F_N]).toBe(1);
  });

  it("rejects an unusable configuration with the value received", () => {
    expect(() => new Detector({ ...DEFAULT_CONFIG, warmup: 1 })).toThrow(
      "detector config [warmup] must be an integer >= 2, received 1",
    );
  });
});
