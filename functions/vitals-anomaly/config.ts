import type { VitalSignal } from "../lib/fhir/vitals";

export interface SignalConfig {
  /** EWMA weight of the newest reading after warm-up; the effective memory is about 2/alpha - 1 readings. */
  readonly alpha: number;
  /** Smallest sigma used for the z-score, in the canonical unit. */
  readonly sigmaFloor: number;
  /** Absolute clinical limits (canonical unit): outside them a reading alerts whatever the baseline says. */
  readonly low: number;
  readonly high: number;
}

export interface DetectorConfig {
  /** Readings learned with Welford's exact mean/variance before switching to EWMA. */
  readonly warmup: number;
  /** Readings a signal's baseline needs before a deviation can alert (clinical limits alert from the first one). */
  readonly minSamples: number;
  /** |z| at or above which a reading is a deviation. */
  readonly zThreshold: number;
  /** Readings further ahead of the clock than this are rejected as bad timestamps (device clock fault). */
  readonly maxFutureSkewMs: number;
  readonly signals: Readonly<Record<VitalSignal, SignalConfig>>;
}

/**
 * Why these numbers:
 * - warmup 30: the sample standard deviation of 30 readings is within about +-25 % of the true one (95 %), good
 *   enough to hand over to EWMA, while a monitor sending every 10-60 s learns a baseline within 5-30 minutes.
 * - minSamples 20: earlier than the end of warm-up because the sigma floor already protects against a too-small
 *   early sigma; before 20 readings only the clinical limits alert.
 * - zThreshold 4: at one reading a minute per signal, a 3-sigma rule would page about twice a day per patient
 *   for Gaussian noise alone (0.27 %); 4 sigma cuts that to about once a month (0.006 %).
 * - alpha 0.05: memory of about 40 readings, so a baseline follows a genuine drift (fever onset, sleep) within an
 *   hour of minute readings but a single spike moves it by only 5 % of its size (and it is winsorised, see detector).
 * - sigma floors: about the resolution and repeatability of bedside/wearable devices (ISO 80601-2-61 pulse
 *   oximeters +-2 % SpO2, ISO 81060-2 cuffs mean error <= 5 mmHg, thermometers 0.1-0.2 Cel), so a very steady
 *   baseline does not turn measurement noise into 4-sigma deviations.
 * - clinical limits: the NEWS2 score-3 ("red") bands for respiratory rate (<= 8, >= 25 -> 8 / 30 here to page only
 *   on the extremes), SpO2 < 88 % (the lower end of the BTS target range for hypercapnic patients), HR < 40 or > 150,
 *   temperature < 35 or > 40 Cel, systolic < 90 (shock) or > 180 and diastolic > 120 mm[Hg] (hypertensive crisis,
 *   ACC/AHA), diastolic < 40 mm[Hg]. SpO2 has no upper limit: its high of 101 lies above the possible 100 %.
 */
export const DEFAULT_CONFIG: DetectorConfig = {
  warmup: 30,
  minSamples: 20,
  zThreshold: 4,
  maxFutureSkewMs: 5 * 60_000,
  signals: {
    hr: { alpha: 0.05, sigmaFloor: 3, low: 40, high: 150 },
    spo2: { alpha: 0.05, sigmaFloor: 1, low: 88, high: 101 },
    rr: { alpha: 0.05, sigmaFloor: 1.5, low: 8, high: 30 },
    temp: { alpha: 0.05, sigmaFloor: 0.2, low: 35, high: 40 },
    sbp: { alpha: 0.05, sigmaFloor: 5, low: 90, high: 180 },
    dbp: { alpha: 0.05, sigmaFloor: 4, low: 40, high: 120 },
  },
};
