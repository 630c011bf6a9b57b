/**
 * Scores one reading against its patient's baseline and then learns from it. Allocation-free: the details of the
 * last scored reading are left in fields that the caller reads only when it raises an alert.
 */
import { SIGNAL_INDEX, VitalSignal } from "../lib/fhir/vitals";
import type { DetectorConfig, SignalConfig } from "./config";
import { endWarmup, ewmaUpdate, variance, welfordUpdate } from "./statistics";
import { AlertKind, F_LAST_TS, F_MEAN, F_N, STAT_FIELDS } from "./types";

export const STALE = "stale";

export class Detector {
  /** Baseline mean, sigma and z of the last scored reading; undefined before `minSamples`. */
  mean: number | undefined;
  sigma: number | undefined;
  z: number | undefined;

  constructor(private readonly config: DetectorConfig) {
    if (!Number.isInteger(config.warmup) || config.warmup < 2) {
      throw new Error(
        `detector config [warmup] must be an integer >= 2, received ${config.warmup}`,
      );
    }
    if (config.minSamples < 2 || config.zThreshold <= 0) {
      throw new Error(
        `detector config needs [minSamples] >= 2 and [zThreshold] > 0, received ${config.minSamples} and ${config.zThreshold}`,
      );
    }
  }

  /**
   * Returns the alert kind for this reading (undefined: normal), or STALE when the reading is not newer than the
   * last one of this signal (a device resend or out-of-order delivery), which leaves the baseline untouched.
   */
  observe(
    stats: Float64Array,
    signal: VitalSignal,
    value: number,
    ts: number,
  ): AlertKind | typeof STALE | undefined {
    const at = SIGNAL_INDEX[signal] * STAT_FIELDS;
    const n = stats[at + F_N];
    if (n > 0 && ts <= stats[at + F_LAST_TS]) {
      return STALE;
    }
    const cfg: SignalConfig = this.config.signals[signal];
    const { warmup, minSamples, zThreshold } = this.config;
    let kind: AlertKind | undefined =
      value < cfg.low ? "limit-low" : value > cfg.high ? "limit-high" : undefined;

    const mean = stats[at + F_MEAN];
    const sigma = Math.max(Math.sqrt(variance(stats, at, warmup)), cfg.sigmaFloor);
    if (n >= minSamples) {
      const z = (value - mean) / sigma;
      this.mean = mean;
      this.sigma = sigma;
      this.z = z;
      if (kind === undefined && (z >= zThreshold || z <= -zThreshold)) {
        kind = "deviation";
      }
    } else {
      this.mean = undefined;
      this.sigma = undefined;
      this.z = undefined;
    }

    if (n < warmup) {
      welfordUpdate(stats, at, value);
      if (n + 1 === warmup) {
        endWarmup(stats, at);
      }
    } else {
      // Winsorised: a spike moves the baseline by at most alpha * zThreshold * sigma, yet a sustained shift still
      // widens the variance quickly enough for the baseline to follow it within a few readings.
      const bound = zThreshold * sigma;
      const x = value > mean + bound ? mean + bound : value < mean - bound ? mean - bound : value;
      ewmaUpdate(stats, at, x, cfg.alpha);
    }
    stats[at + F_LAST_TS] = ts;
    return kind;
  }
}
