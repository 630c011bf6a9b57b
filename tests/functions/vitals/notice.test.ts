import { pseudonymize } from "../../../functions/lib/logging";
import { alertNotice, checkLinkBase } from "../../../functions/vitals-anomaly/notice";
import type { Alert } from "../../../functions/vitals-anomaly/types";

const KEY = "notice-key-0123456789abcdef0123456789";
const SETTINGS = { pseudonymKey: KEY, linkBase: "https://eu.app.mediconnect.example/alerts/" };
const alert: Alert = {
  alertId: "a".repeat(64),
  patient: "pat-7734-canary",
  device: "SN-99887766",
  signal: "spo2",
  kind: "limit-low",
  ts: Date.parse("2026-11-23T12:34:56.789Z"),
  value: 84.5,
  unit: "%",
  baselineMean: 96.25,
  baselineSigma: 1.5,
  z: -7.83,
  sequenceNumber: "49650000000000000000000000000000000000000000000000000042",
};

describe("vitals alert notice", () => {
  it("carries a pseudonymous patient id and a link, per protocol", () => {
    const { message, body } = alertNotice(alert, SETTINGS);
    const ref = pseudonymize(alert.patient, KEY);
    const link = `https://eu.app.mediconnect.example/alerts/${alert.alertId}`;
    expect(body).toEqual({
      type: "vitals-alert",
      alertId: alert.alertId,
      patientRef: ref,
      signal: "spo2",
      kind: "limit-low",
      link,
    });
    expect(JSON.parse(message)).toEqual({
      default: `MediConnect vitals alert: oxygen saturation below the clinical limit for patient ${ref}. Open in the clinical app: ${link}`,
      email: `MediConnect vitals alert: oxygen saturation below the clinical limit for patient ${ref}. Open in the clinical app: ${link}`,
      sms: `MediConnect: oxygen saturation below the clinical limit, patient ${ref.slice(0, 10)}. ${link}`,
      https: JSON.stringify(body),
    });
  });

  it("never carries the patient id, the device, the value, the baseline, the time or the sequence number", () => {
    const { message } = alertNotice(alert, SETTINGS);
    for (const phi of [
      alert.patient,
      alert.device!,
      "84.5",
      "96.25",
      "-7.83",
      String(alert.ts),
      "2026-11-23",
      "12:34",
      alert.sequenceNumber,
    ]) {
      expect(message).not.toContain(phi);
    }
  });

  it.each([
    "http://app.example.org/alerts/",
    "https://app.example.org/alerts",
    "https://app.example.org/?a=/",
  ])("refuses the link base %s", (base) => {
    expect(() => checkLinkBase(base)).toThrow(
      `alert link base "${base}" is not an https URL ending in "/"`,
    );
  });
});
