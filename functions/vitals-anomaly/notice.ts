/**
 * What a vitals alert says to people. The SNS message reaches e-mail inboxes, phones and the clinical app, so it
 * carries no PHI: a keyed pseudonym of the patient id, the signal and the kind of alert, and a link into the
 * clinical app where an authenticated clinician sees the reading (the full alert stays in the encrypted ledger).
 * No value, time, device or patient id is in it.
 */
import { pseudonymize } from "../lib/logging";
import type { Alert, AlertKind } from "./types";
import type { VitalSignal } from "../lib/fhir/vitals";

const SIGNAL_NAMES: Readonly<Record<VitalSignal, string>> = {
  hr: "heart rate",
  spo2: "oxygen saturation",
  rr: "respiratory rate",
  temp: "body temperature",
  sbp: "systolic blood pressure",
  dbp: "diastolic blood pressure",
};

const KIND_TEXT: Readonly<Record<AlertKind, string>> = {
  "limit-low": "below the clinical limit",
  "limit-high": "above the clinical limit",
  deviation: "far from the patient's baseline",
};

export interface NoticeSettings {
  /** HMAC key of the pseudonyms (the PHI_PSEUDONYM_KEY secret). */
  readonly pseudonymKey: string | Buffer;
  /** https origin and path the alert id is appended to, for example https://app.example.org/alerts/ */
  readonly linkBase: string;
}

/** The JSON body the clinical app's https subscription receives (inside the signed SNS envelope). */
export interface AlertNoticeBody {
  readonly type: "vitals-alert";
  readonly alertId: string;
  readonly patientRef: string;
  readonly signal: VitalSignal;
  readonly kind: AlertKind;
  readonly link: string;
}

export function checkLinkBase(linkBase: string): string {
  if (!/^https:\/\/[^\s/?#]+\/[^\s?#]*\/$/.test(linkBase)) {
    throw new Error(
      `alert link base ${JSON.stringify(linkBase)} is not an https URL ending in "/"; expected for example https://app.example.org/alerts/`,
    );
  }
  return linkBase;
}

/**
 * An SNS message with `MessageStructure: "json"`: a short text for SMS, a longer one for e-mail (and the default),
 * and the JSON body for https.
 */
export function alertNotice(
  alert: Alert,
  settings: NoticeSettings,
): { message: string; body: AlertNoticeBody } {
  const patientRef = pseudonymize(alert.patient, settings.pseudonymKey);
  const link = `${settings.linkBase}${alert.alertId}`;
  const what = `${SIGNAL_NAMES[alert.signal]} ${KIND_TEXT[alert.kind]}`;
  const body: AlertNoticeBody = {
    type: "vitals-alert",
    alertId: alert.alertId,
    patientRef,
    signal: alert.signal,
    kind: alert.kind,
    link,
  };
  const text = `MediConnect vitals alert: ${what} for patient ${patientRef}. Open in the clinical app: ${link}`;
  return {
    body,
    message: JSON.stringify({
      default: text,
      email: text,
      sms: `MediConnect: ${what}, patient ${patientRef.slice(0, 10)}. ${link}`,
      https: JSON.stringify(body),
    }),
  };
}
