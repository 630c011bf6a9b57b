import * as fs from "fs";
import * as path from "path";
import { Patient, redactText } from "../../../functions/lib/phi";

const FIXTURES = path.join(__dirname, "../../fixtures/fhir-r4");

function patient(name: string): Patient {
  return JSON.parse(
    fs.readFileSync(path.join(FIXTURES, `Patient-${name}.json`), "utf8"),
  ) as Patient;
}

describe("known identifiers of a FHIR R4 Patient (official HL7 examples)", () => {
  const example = patient("example");

  it.each<[string, string]>([
    ["PETER   chalmers returned", "[NAME] returned"],
    ["Chalmers, Peter called", "[NAME] called"],
    ["Jim said", "[NAME] said"],
    ["née Windsor", "née [NAME]"],
    ["born 1974-12-25", "born [DATE]"],
    ["born 12/25/1974", "born [DATE]"],
    ["born 25.12.74", "born [DATE]"],
    ["born December 25th, 1974", "born [DATE]"],
    ["born 25 Dec 1974", "born [DATE]"],
    ["birthday dec 25", "birthday [DATE]"],
    ["19741225 on the wristband", "[DATE] on the wristband"],
    ["work (03) 5555 6473", "work [PHONE]"],
    ["mobile +61 3 3410 5613", "mobile [PHONE]"],
    ["ref 12345 on file", "ref [MRN] on file"],
    ["at 534 Erewhon St, PleasantVille", "at [LOCATION], [LOCATION]"],
    ["at 534 erewhon street", "at [LOCATION]"],
    ["postcode 3999", "postcode [LOCATION]"],
    ["emergency contact Bénédicte du Marché", "emergency contact [NAME]"],
  ])("Patient/example: %j", (input, expected) => {
    expect(redactText(input, { patient: example }).text).toBe(expected);
  });

  it("matches names case-insensitively and across any whitespace, with exact offsets", () => {
    const text = "pt peter\n james  CHALMERS seen";
    expect(redactText(text, { patient: example }).findings).toEqual([
      { type: "NAME", start: 3, end: 25 },
    ]);
  });

  it.each<[string, string, string]>([
    [
      "f001",
      "Pieter van de Heuvel, BSN 738472983, p.heuvel@gmail.com, Van Egmondkade 23, 1024 RJ",
      "[NAME], BSN [SSN], [EMAIL], [LOCATION], [LOCATION]",
    ],
    ["f001", "born 17 November 1944, mobile 06 4835 2638", "born [DATE], mobile [PHONE]"],
    ["f201", "Roelof Olaf Bor (Roel), tel +31 6 1234 5678", "[NAME] ([NAME]), tel [PHONE]"],
    ["mom", "Eve Everywoman, SSN 444-22-2222, 2222 Home Street", "[NAME], SSN [SSN], [LOCATION]"],
    ["glossy", "Henry Levin 24/09/1932 MRN 123456", "[NAME] [DATE] MRN [MRN]"],
    ["ch-example", "患者张无忌，住上海市马当路190号", "患者[NAME]，住[LOCATION][LOCATION]"],
  ])("Patient/%s: %j", (name, input, expected) => {
    expect(redactText(input, { patient: patient(name) }).text).toBe(expected);
  });

  it("finds identifiers the patterns alone would miss", () => {
    const text = "Pieter's postal code is 1024 RJ";
    expect(redactText(text).text).toBe(text.replace("Pieter", "[NAME]"));
    expect(redactText(text, { patient: patient("f001") }).text).toBe(
      "[NAME]'s postal code is [LOCATION]",
    );
  });

  it.each<[string, unknown]>([
    ["not an object", "Patient"],
    [
      "fields of the wrong type",
      { name: "Peter", identifier: 5, telecom: [null, { value: 3 }], birthDate: 1974 },
    ],
    ["partial birth date", { birthDate: "1974-12" }],
    [
      "regex metacharacters",
      { name: [{ family: "(a+)+$[", given: ["*"] }], identifier: [{ value: "\\d{3}" }] },
    ],
  ])("tolerates a malformed Patient: %s", (_label, bad) => {
    expect(() =>
      redactText("Peter (a+)+$[ \\d{3} 1974-12", { patient: bad as Patient }),
    ).not.toThrow();
    expect(redactText("x (a+)+$[ y", { patient: { name: [{ family: "(a+)+$[" }] } }).text).toBe(
      "x [NAME] y",
    );
  });
});
