import { redactText } from "../../../functions/lib/phi";
import {
  validBsn,
  validCodiceFiscale,
  validDniNie,
  validIban,
  validKvnr,
  validNhs,
  validNir,
  validPpsn,
} from "../../../functions/lib/phi/checks";
import { fold } from "../../../functions/lib/phi/chars";

describe("check-digit rules, on published examples and one changed digit", () => {
  it.each([
    [validKvnr, "A123456780", "A123456781"],
    [validNir, "2 55 08 14 168 025 38", "2 55 08 14 168 025 39"],
    [validDniNie, "12345678Z", "12345678A"],
    [validDniNie, "X1234567L", "X1234567M"],
    [validCodiceFiscale, "RSSMRA85T10A562S", "RSSMRA85T10A562T"],
    [validBsn, "111222333", "111222334"],
    [validNhs, "943 476 5919", "943 476 5918"],
    [validPpsn, "1234567T", "1234567A"],
    [validIban, "DE89 3704 0044 0532 0130 00", "DE89 3704 0044 0532 0130 01"],
    [validIban, "GB29NWBK60161331926819", "GB29NWBK60161331926818"],
  ])("%p accepts %s and refuses %s", (valid, good, bad) => {
    expect(valid(good)).toBe(true);
    expect(valid(bad)).toBe(false);
  });
});

describe("the folded view", () => {
  it("composes NFD accents, reads Unicode spaces and fullwidth digits as ASCII, keeps one position per character", () => {
    const text = "Jose\u0301\u00a0Ł \uff11\uff12 Ελένη";
    const { text: folded, from } = fold(text);
    expect(folded).toBe("José L 12 Þþþþþ");
    expect(Array.from(from!)).toEqual([0, 1, 2, 3, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]);
  });

  it("is the text itself when nothing in it folds", () => {
    expect(fold("Müller, 12 rue de la Paix")).toEqual({
      text: "Müller, 12 rue de la Paix",
      changed: false,
    });
  });

  it("keeps no position table when no character was composed", () => {
    expect(fold("Łódź\u00a0１２")).toEqual({ text: "Lódz 12", changed: true });
  });
});

/** Examples of each format of the issue, outside the corpus's templates. */
const MASKED: ReadonlyArray<[string, string]> = [
  // Names: labelled fields in capitals, particles, hyphens, other scripts, NFD, given names alone.
  ["Name: JANE DOE", "Name: [NAME]"],
  ["NOM : DE LA FONTAINE  Prénom : Hélène", "NOM : [NAME]  Prénom : [NAME]"],
  ["Frau Dr. med. Anna-Lena von der Heide kommt morgen.", "Frau Dr. med. [NAME] kommt morgen."],
  ["Dott.ssa Chiara Lo Russo", "Dott.ssa [NAME]"],
  ["dhr. Pieter van der Berg", "dhr. [NAME]"],
  ["Called Jane back about the results.", "Called [NAME] back about the results."],
  ["Rückruf bei Łukasz Wróblewski erfolgt.", "Rückruf bei [NAME] erfolgt."],
  ["Seen with her daughter Ελένη today.", "Seen with her daughter [NAME] today."],
  ["Mme Rene\u0301e Lefe\u0300vre est sortie.", "Mme [NAME] est sortie."],
  ["Sr.\u00a0José\u00a0García López", "Sr.\u00a0[NAME]"],
  // Addresses and postcodes.
  ["Hauptstraße 5, 80331 München", "[LOCATION], [LOCATION]"],
  ["8 avenue Foch, 69006 Lyon", "[LOCATION], [LOCATION]"],
  ["Calle de Alcalá, 45, 3º B, 28014 Madrid", "[LOCATION], [LOCATION]"],
  ["Via Garibaldi 12, 20121 Milano", "[LOCATION], [LOCATION]"],
  ["Kerkstraat 14-2, 1012 AB Amsterdam", "[LOCATION], [LOCATION]"],
  ["14 Baker Street, London, NW1 6XE", "[LOCATION], [LOCATION], [LOCATION]"],
  ["Eircode D02 X285, Dublin", "Eircode [LOCATION], Dublin"],
  ["Wohnhaft in Köln, Nordrhein-Westfalen.", "Wohnhaft in [LOCATION], Nordrhein-Westfalen."],
  // Phones, dates, ages.
  ["Tel. 089 12345678", "Tel. [PHONE]"],
  ["Tél. : 06 12 34 56 78", "Tél. : [PHONE]"],
  ["móvil 612 345 678", "móvil [PHONE]"],
  ["+39 02 1234 5678", "[PHONE]"],
  ["Telefoon 06-12345678", "Telefoon [PHONE]"],
  ["Mobile 07700 900123", "Mobile [PHONE]"],
  ["\uff10\uff18\uff19 \uff11\uff12\uff13\uff14\uff15\uff16\uff17", "[PHONE]"],
  ["geb. 03.04.1956", "geb. [DATE]"],
  ["am 3. April 2023 aufgenommen", "am [DATE] aufgenommen"],
  ["né le 1er avril 1950", "né le [DATE]"],
  ["el 5 de mayo de 2021", "el [DATE]"],
  ["il 21 aprile 2021", "il [DATE]"],
  ["op 12 maart 2023", "op [DATE]"],
  ["seit März 2021", "seit [DATE]"],
  ["Die 94-jährige Patientin", "Die [AGE]-jährige Patientin"],
  ["âgée de 93 ans", "âgée de [AGE] ans"],
  ["de 101 años", "de [AGE] años"],
  ["91 jaar oud", "[AGE] jaar oud"],
  // National identifiers with check digits, labelled or not.
  ["KVNR A123456780", "KVNR [HEALTH_PLAN]"],
  ["A123456780", "[HEALTH_PLAN]"],
  ["NIR 2 55 08 14 168 025 38", "NIR [SSN]"],
  ["255081416802538", "[SSN]"],
  ["DNI 12345678Z", "DNI [ID]"],
  ["X1234567L", "[ID]"],
  ["RSSMRA85T10A562S", "[ID]"],
  ["BSN 111222333", "BSN [SSN]"],
  ["111.222.333", "[SSN]"],
  // Written 3-3-4 an NHS number is also a phone number's shape; on equal spans the phone type wins (redact.ts).
  ["NHS number 943 476 5919", "NHS number [PHONE]"],
  ["NHS number 9434765919", "NHS number [HEALTH_PLAN]"],
  ["PPSN 1234567T", "PPSN [SSN]"],
  ["DE89 3704 0044 0532 0130 00", "[ACCOUNT]"],
  ["FR7630006000011234567890189", "[ACCOUNT]"],
  // Record numbers, registrations, plates.
  ["Fallnummer: 88142568", "Fallnummer: [MRN]"],
  ["N° de dossier 12-345678", "N° de dossier [MRN]"],
  ["NHC: 2333318", "NHC: [MRN]"],
  ["LANR 123456789", "LANR [LICENSE]"],
  ["RPPS 10101234567", "RPPS [LICENSE]"],
  ["GMC number 1234567", "GMC number [LICENSE]"],
  ["Kennzeichen M-AB 1234", "Kennzeichen [VEHICLE]"],
  ["immatriculé AB-123-CD", "immatriculé [VEHICLE]"],
  ["Kenteken 12-ABC-3", "Kenteken [VEHICLE]"],
];

/** Look-alikes that stay: drugs, doses, lab values, ICD-10 codes, departments, regions and countries. */
const KEPT: ReadonlyArray<string> = [
  "Metformin 1000 mg 1-0-1, Ramipril 5 mg",
  "HbA1c 7,2 %, CRP 12 mg/l, Kalium 4,1 mmol/l, eGFR 65 ml/min",
  "ICD-10 I21.4, E11.9, J44.1",
  "Verlegung auf die Kardiologie, Station 4B",
  "Reparto di Medicina Interna",
  "afdeling Interne Geneeskunde",
  "Servicio de Urgencias",
  "Bayern, Deutschland",
  "Île-de-France",
  "Andalucía, España",
  "Lombardia, Italia",
  "Noord-Holland, Nederland",
  "Scotland, United Kingdom",
  "67 Jahre alt",
  "Patient de 54 ans",
  "RR 130/80 mmHg, EVA 6/10",
  "Familienanamnese: Vater Herzinfarkt, Mutter Diabetes",
];

describe("European formats", () => {
  it.each(MASKED)("masks %j", (input, expected) => {
    expect(redactText(input).text).toBe(expected);
  });

  it.each(KEPT)("keeps %j", (input) => {
    expect(redactText(input)).toEqual({ text: input, findings: [] });
  });

  it("reports offsets into the original text when it is decomposed or has Unicode spaces", () => {
    const text = "Mme Rene\u0301e\u00a0Lefe\u0300vre, tél. \uff10\uff16 12 34 56 78";
    const { findings } = redactText(text);
    expect(findings.map((f) => [f.type, text.slice(f.start, f.end)])).toEqual([
      ["NAME", "Rene\u0301e\u00a0Lefe\u0300vre"],
      ["PHONE", "\uff10\uff16 12 34 56 78"],
    ]);
  });
});
