import fc from "fast-check";
import {
  endWarmup,
  ewmaUpdate,
  variance,
  welfordUpdate,
} from "../../../functions/vitals-anomaly/statistics";
import { F_MEAN, F_N, F_VAR } from "../../../functions/vitals-anomaly/types";

const values = fc.array(fc.double({ min: -1e4, max: 1e4, noNaN: true }), {
  minLength: 2,
  maxLength: 200,
});
const alphas = fc.double({ min: 0.001, max: 0.999, noNaN: true });

function close(actual: number, expected: number, scale: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, scale));
}

describe("Welford warm-up", () => {
  it("matches the two-pass mean and sample variance", () => {
    fc.assert(
      fc.property(values, (xs) => {
        const stats = new Float64Array(4);
        for (const x of xs) {
          welfordUpdate(stats, 0, x);
        }
        const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
        const twoPass = xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (xs.length - 1);
        const scale = Math.max(...xs.map((x) => x * x));
        expect(stats[F_N]).toBe(xs.length);
        close(stats[F_MEAN], mean, Math.sqrt(scale));
        close(variance(stats, 0, Infinity), twoPass, scale);
      }),
    );
  });

  it("is exact on a known sequence", () => {
    const stats = new Float64Array(4);
    for (const x of [2, 4, 4, 4, 5, 5, 7, 9]) {
      welfordUpdate(stats, 0, x);
    }
    expect(stats[F_MEAN]).toBe(5);
    expect(stats[F_VAR]).toBe(32);
    endWarmup(stats, 0);
    expect(stats[F_VAR]).toBeCloseTo(32 / 7, 12);
  });

  it("keeps the variance non-negative and the mean within the data range", () => {
    fc.assert(
      fc.property(values, (xs) => {
        const stats = new Float64Array(4);
        for (const x of xs) {
          welfordUpdate(stats, 0, x);
          expect(stats[F_VAR]).toBeGreaterThanOrEqual(0);
        }
        expect(stats[F_MEAN]).toBeGreaterThanOrEqual(Math.min(...xs) - 1e-9);
        expect(stats[F_MEAN]).toBeLessThanOrEqual(Math.max(...xs) + 1e-9);
      }),
    );
  });
});

describe("EWMA (Finch 2009)", () => {
  it("equals the closed-form exponentially weighted mean and variance", () => {
    fc.assert(
      fc.property(
        values,
        alphas,
        fc.double({ min: -100, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        (xs, alpha, mu0, var0) => {
          const stats = new Float64Array(4);
          stats[F_MEAN] = mu0;
          stats[F_VAR] = var0;
          for (const x of xs) {
            ewmaUpdate(stats, 0, x, alpha);
          }
          // The state is the mixture of the initial distribution (weight (1-a)^n) and each x_i (weight a(1-a)^(n-i)).
          const n = xs.length;
          const w0 = (1 - alpha) ** n;
          const weights = xs.map((_, i) => alpha * (1 - alpha) ** (n - 1 - i));
          const mean = w0 * mu0 + xs.reduce((a, x, i) => a + weights[i] * x, 0);
          const batchVar =
            w0 * (var0 + (mu0 - mean) ** 2) +
            xs.reduce((a, x, i) => a + weights[i] * (x - mean) ** 2, 0);
          const scale = Math.max(var0, mu0 * mu0, ...xs.map((x) => x * x));
          expect(stats[F_N]).toBe(n);
          expect(Math.abs(stats[F_MEAN] - mean)).toBeLessThanOrEqual(
            1e-7 * Math.sqrt(scale) + 1e-9,
          );
          expect(Math.abs(stats[F_VAR] - batchVar)).toBeLessThanOrEqual(1e-7 * scale + 1e-9);
        },
      ),
    );
  });

  it("converges to a constant input with vanishing variance", () => {
    const stats = new Float64Array(4);
    stats[F_MEAN] = 70;
    stats[F_VAR] = 25;
    for (let i = 0; i < 2000; i++) {
      ewmaUpdate(stats, 0, 90, 0.05);
    }
    expect(stats[F_MEAN]).toBeCloseTo(90, 9);
    expect(stats[F_VAR]).toBeLessThan(1e-9);
  });

  it("stays between the previous mean and the new value, with non-negative variance", () => {
    fc.assert(
      fc.property(values, alphas, (xs, alpha) => {
        const stats = new Float64Array(4);
        stats[F_MEAN] = xs[0];
        for (const x of xs.slice(1)) {
          const before = stats[F_MEAN];
          ewmaUpdate(stats, 0, x, alpha);
          expect(stats[F_MEAN]).toBeGreaterThanOrEqual(Math.min(before, x) - 1e-9);
          expect(stats[F_MEAN]).toBeLessThanOrEqual(Math.max(before, x) + 1e-9);
          expect(stats[F_VAR]).toBeGreaterThanOrEqual(0);
        }
      }),
    );
  });

  it("updates only its own slot of the packed array", () => {
    const stats = new Float64Array(12).fill(7);
    ewmaUpdate(stats, 4, 100, 0.5);
    welfordUpdate(stats, 4, 1);
    expect([...stats.slice(0, 4), ...stats.slice(8)]).toEqual(new Array(8).fill(7));
  });
});
