import * as fs from "fs";
import * as path from "path";
import fc from "fast-check";
import { decodeRecord } from "../../../functions/vitals-anomaly/decode";
import { VitalProblem, VitalReading } from "../../../functions/lib/fhir/vitals";
import { b64 } from "./helpers";

const FIXTURES = path.join(__dirname, "../../fixtures/fhir-r4");
const NOW = Date.parse("2026-11-23T12:00:00Z");
const LATEST = NOW + 5 * 60_000;

function fixture(name: string): string {
  return fs.readFileSync(path.join(FIXTURES, name), "utf8");
}

function decode(data: string): { readings: VitalReading[]; problem: VitalProblem | undefined } {
  const readings: VitalReading[] = [];
  const problem = decodeRecord(data, LATEST, readings);
  return { readings, problem };
}

const compact = {
  patient: "pat-123",
  device: "dev-9",
  ts: NOW - 1000,
  type: "hr",
  value: 72,
  unit: "/min",
};

describe("compact readings", () => {
  it("decodes the documented example", () => {
    expect(decode(b64(compact))).toEqual({
      readings: [{ patient: "pat-123", device: "dev-9", signal: "hr", ts: NOW - 1000, value: 72 }],
      problem: undefined,
    });
  });

  it.each([
    ["temp", 98.6, "[degF]", 37],
    ["temp", 310.15, "K", 37],
    ["temp", 36.6, "Cel", 36.6],
    ["hr", 60, "{beats}/min", 60],
    ["rr", 14, "{breaths}/min", 14],
    ["spo2", 97, "%", 97],
    ["sbp", 120, "mm[Hg]", 120],
    ["dbp", 80, "mm[Hg]", 80],
  ])("converts %s %p %s to %p in the canonical unit", (type, value, unit, expected) => {
    const { readings, problem } = decode(b64({ ...compact, type, value, unit }));
    expect(problem).toBeUndefined();
    expect(readings).toHaveLength(1);
    expect(readings[0].value).toBeCloseTo(expected, 10);
  });

  it("accepts an RFC 3339 timestamp", () => {
    const { readings } = decode(b64({ ...compact, ts: "2026-11-23T11:59:00+01:00" }));
    expect(readings[0].ts).toBe(Date.parse("2026-11-23T10:59:00Z"));
  });

  it("round-trips any valid heart rate exactly", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 350, noNaN: true }), (value) => {
        const { readings, problem } = decode(b64({ ...compact, value }));
        expect(problem).toBeUndefined();
        expect(readings[0].value).toBe(value);
      }),
    );
  });
});

describe("official FHIR R4 example Observations", () => {
  it.each([
    ["Observation-heart-rate.json", [["hr", 44]], "1999-07-02", undefined],
    ["Observation-satO2.json", [["spo2", 95]], "2014-12-05T09:30:10+01:00", "DeviceMetric/example"],
    ["Observation-respiratory-rate.json", [["rr", 26]], "1999-07-02", undefined],
    ["Observation-body-temperature.json", [["temp", 36.5]], "1999-07-02", undefined],
    [
      "Observation-blood-pressure.json",
      [
        ["sbp", 107],
        ["dbp", 60],
      ],
      "2012-09-17",
      undefined,
    ],
    ["Observation-blood-pressure-dar.json", [["sbp", 107]], "2012-09-17", undefined],
  ])("%s decodes to exact values", (file, values, when, device) => {
    const { readings, problem } = decode(b64(fixture(file)));
    expect(problem).toBeUndefined();
    expect(readings).toEqual(
      values.map(([signal, value]) => ({
        patient: "example",
        device,
        signal,
        ts: Date.parse(when as string),
        value,
      })),
    );
  });

  it.each([
    [
      "Observation-f202.json",
      "unusable-status",
      "f201",
      "Observation.status 'entered-in-error'; expected final, amended, corrected or preliminary",
    ],
    [
      "Observation-blood-pressure-cancel.json",
      "unusable-status",
      "example",
      "Observation.status 'cancelled'; expected final, amended, corrected or preliminary",
    ],
    [
      "Observation-vitals-panel.json",
      "unknown-signal",
      "example",
      "Observation.code LOINC 85353-1; expected one of LOINC 8867-4, 59408-5, 2708-6, 9279-1, 8310-5, 8480-6, 8462-4, 85354-9",
    ],
  ])("%s is rejected as %s", (file, reason, patient, detail) => {
    const { readings, problem } = decode(b64(fixture(file)));
    expect(readings).toEqual([]);
    expect({ reason: problem?.reason, patient: problem?.patient, detail: problem?.detail }).toEqual(
      {
        reason,
        patient,
        detail,
      },
    );
  });

  it("converts a Fahrenheit body temperature", () => {
    const obs = JSON.parse(fixture("Observation-body-temperature.json"));
    obs.valueQuantity = {
      value: 101.3,
      unit: "F",
      system: "http://unitsofmeasure.org",
      code: "[degF]",
    };
    expect(decode(b64(obs)).readings[0].value).toBeCloseTo(38.5, 10);
  });
});

describe("malformed records", () => {
  const hr = JSON.parse(fixture("Observation-heart-rate.json"));
  const bp = JSON.parse(fixture("Observation-blood-pressure.json"));
  const cases: Array<[string, string, string, string]> = [
    [
      "not base64",
      "!!not-base64!!",
      "bad-base64",
      "payload is not base64 (14 characters); expected standard base64 with padding",
    ],
    [
      "truncated base64",
      b64(compact).slice(0, -1),
      "bad-base64",
      `payload is not base64 (${b64(compact).length - 1} characters); expected standard base64 with padding`,
    ],
    [
      "not JSON",
      b64("{patient:"),
      "bad-json",
      "payload is not JSON (9 characters); expected a compact reading or a FHIR Observation",
    ],
    ["a JSON array", b64([1, 2]), "bad-schema", "payload is a JSON array; expected an object"],
    ["a JSON number", b64("42"), "bad-schema", "payload is a JSON number; expected an object"],
    [
      "another resource",
      b64({ resourceType: "Patient" }),
      "bad-schema",
      "payload has a resourceType other than Observation; expected a compact reading or a FHIR Observation",
    ],
    [
      "no patient",
      b64({ ...compact, patient: undefined }),
      "bad-schema",
      "field 'patient' must be a FHIR id (1-64 of A-Z a-z 0-9 - .)",
    ],
    [
      "patient with spaces",
      b64({ ...compact, patient: "John Smith" }),
      "bad-schema",
      "field 'patient' must be a FHIR id (1-64 of A-Z a-z 0-9 - .)",
    ],
    [
      "no device",
      b64({ ...compact, device: "" }),
      "bad-schema",
      "field 'device' must be a string of 1-128 characters",
    ],
    [
      "unknown signal",
      b64({ ...compact, type: "glucose" }),
      "unknown-signal",
      "field 'type' (7 characters) is not a supported signal; expected one of hr, spo2, rr, temp, sbp, dbp",
    ],
    [
      "wrong unit",
      b64({ ...compact, unit: "mm[Hg]" }),
      "wrong-unit",
      "unit 'mm[Hg]' is not valid for hr; expected UCUM /min, {beats}/min, {beat}/min",
    ],
    [
      "unknown unit",
      b64({ ...compact, type: "temp", unit: "degrees" }),
      "wrong-unit",
      "unit an unknown unit (7 characters) is not valid for temp; expected UCUM Cel, [degF], K",
    ],
    [
      "string value",
      b64({ ...compact, value: "72" }),
      "bad-schema",
      "hr value must be a finite number, received a string",
    ],
    [
      "negative heart rate",
      b64({ ...compact, value: -5 }),
      "impossible-value",
      "hr -5 /min is outside the possible range 0..350 /min",
    ],
    [
      "SpO2 above 100",
      b64({ ...compact, type: "spo2", value: 101, unit: "%" }),
      "impossible-value",
      "spo2 101 % is outside the possible range 0..100 %",
    ],
    [
      "temperature far too high",
      b64({ ...compact, type: "temp", value: 212, unit: "[degF]" }),
      "impossible-value",
      "temp 100 Cel is outside the possible range 10..50 Cel",
    ],
    [
      "bad timestamp",
      b64({ ...compact, ts: "yesterday" }),
      "bad-timestamp",
      "field 'ts' must be epoch milliseconds (a non-negative number) or an RFC 3339 date-time, received a string",
    ],
    [
      "future timestamp",
      b64({ ...compact, ts: LATEST + 60_000 }),
      "bad-timestamp",
      "reading time is 60 s beyond the allowed clock skew; expected a time no later than the receive time plus the skew",
    ],
    [
      "FHIR without subject",
      b64({ ...hr, subject: undefined }),
      "bad-schema",
      "Observation.subject.reference must be 'Patient/<id>' with a FHIR id (1-64 of A-Z a-z 0-9 - .)",
    ],
    [
      "FHIR without value",
      b64({ ...hr, valueQuantity: undefined }),
      "missing-value",
      "Observation carries no valueQuantity (or no component value); expected a measured value",
    ],
    [
      "FHIR non-UCUM unit",
      b64({ ...hr, valueQuantity: { value: 44, system: "http://example.org", code: "/min" } }),
      "wrong-unit",
      "hr valueQuantity.system is not UCUM; expected http://unitsofmeasure.org",
    ],
    [
      "FHIR without time",
      b64({ ...hr, effectiveDateTime: undefined }),
      "bad-timestamp",
      "Observation has no effectiveDateTime or effectiveInstant; expected the time of measurement",
    ],
    [
      "FHIR diastolic above systolic",
      b64({
        ...bp,
        component: [
          bp.component[0],
          { ...bp.component[1], valueQuantity: { ...bp.component[1].valueQuantity, value: 130 } },
        ],
      }),
      "impossible-value",
      "diastolic 130 mm[Hg] is not below systolic 107 mm[Hg]",
    ],
  ];

  it.each(cases)("%s -> %s", (_name, data, reason, detail) => {
    const { readings, problem } = decode(data);
    expect(readings).toEqual([]);
    expect(problem).toBeInstanceOf(VitalProblem);
    expect({ reason: problem?.reason, detail: problem?.detail }).toEqual({ reason, detail });
  });

  it("never throws and never yields a reading outside the possible range, whatever the bytes", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.base64String(),
          fc.json().map((j) => Buffer.from(j).toString("base64")),
          fc
            .record({
              patient: fc.string({ maxLength: 70 }),
              device: fc.string(),
              ts: fc.oneof(fc.double(), fc.string()),
              type: fc.constantFrom("hr", "spo2", "rr", "temp", "sbp", "dbp", "x"),
              value: fc.double(),
              unit: fc.constantFrom("/min", "%", "Cel", "[degF]", "K", "mm[Hg]", "x"),
            })
            .map((r) => b64(r)),
        ),
        (data) => {
          const readings: VitalReading[] = [];
          const problem = decodeRecord(data, LATEST, readings);
          expect(problem === undefined).toBe(readings.length > 0);
          for (const r of readings) {
            expect(Number.isFinite(r.value)).toBe(true);
          }
        },
      ),
    );
  });
});
