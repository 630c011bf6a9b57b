/**
 * Streaming mean and variance on a packed Float64Array (see types.ts for the field layout), so that updating a
 * baseline allocates nothing.
 *
 * Warm-up uses Welford's algorithm: exact and numerically stable, but it weighs every reading equally forever, so
 * a baseline would freeze. After warm-up the exponentially weighted mean and variance of Finch (2009, "Incremental
 * calculation of weighted mean and variance", eq. 143) follow drift:
 *   diff = x - mean; incr = alpha * diff; mean += incr; var = (1 - alpha) * (var + diff * incr)
 * which is exactly the variance of the mixture "old distribution with weight 1 - alpha, new point with weight
 * alpha" (tests check it against the closed batch formula).
 */
import { F_MEAN, F_N, F_VAR } from "./types";

/** Welford step; `F_VAR` holds M2 (the sum of squared deviations) while warming up. */
export function welfordUpdate(stats: Float64Array, at: number, x: number): void {
  const n = stats[at + F_N] + 1;
  const mean = stats[at + F_MEAN];
  const delta = x - mean;
  const next = mean + delta / n;
  stats[at + F_N] = n;
  stats[at + F_MEAN] = next;
  stats[at + F_VAR] += delta * (x - next);
}

/** Finch's EWMA step; `F_VAR` holds the variance. */
export function ewmaUpdate(stats: Float64Array, at: number, x: number, alpha: number): void {
  const diff = x - stats[at + F_MEAN];
  const incr = alpha * diff;
  stats[at + F_MEAN] += incr;
  stats[at + F_VAR] = (1 - alpha) * (stats[at + F_VAR] + diff * incr);
  stats[at + F_N] += 1;
}

/** Turns warm-up M2 into the unbiased sample variance EWMA continues from. */
export function endWarmup(stats: Float64Array, at: number): void {
  const n = stats[at + F_N];
  stats[at + F_VAR] = n > 1 ? stats[at + F_VAR] / (n - 1) : 0;
}

/** Current variance whichever phase the baseline is in. */
export function variance(stats: Float64Array, at: number, warmup: number): number {
  const n = stats[at + F_N];
  if (n >= warmup) {
    return stats[at + F_VAR];
  }
  return n > 1 ? stats[at + F_VAR] / (n - 1) : 0;
}
