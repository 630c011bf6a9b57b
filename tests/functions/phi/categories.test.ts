import { PhiType, redactText } from "../../../functions/lib/phi";

/** [input, expected masked text]: one row per format the detectors promise to handle. */
const MASKED: Record<PhiType, ReadonlyArray<[string, string]>> = {
  NAME: [
    ["Seen by Dr. Sarah Okafor today.", "Seen by Dr. [NAME] today."],
    ["Mrs. Kowalski tolerated the procedure.", "Mrs. [NAME] tolerated the procedure."],
    ["Patient John Q. Public presented.", "Patient [NAME] presented."],
    ["Patient: Leilani Thorsen", "Patient: [NAME]"],
    ["Name: Nguyen, Thi", "Name: [NAME], [NAME]"],
    ["Spoke with wife Gretchen Albrecht.", "Spoke with wife [NAME]."],
    [
      "Family present: daughter Anna, Mary and Peter Smith",
      "Family present: daughter [NAME], [NAME] and [NAME]",
    ],
    ["Electronically signed by Michael Chen, MD", "Electronically signed by [NAME], MD"],
    ["Imani Osei, RN", "[NAME], RN"],
    ["Mr. Van der Berg is stable.", "Mr. [NAME] is stable."],
    ["Dr. O'Donnell and Dr. McAllister-Smith agreed.", "Dr. [NAME] and Dr. [NAME] agreed."],
    [
      "Patient: Kwame Mensah. Kwame reports less pain.",
      "Patient: [NAME]. [NAME] reports less pain.",
    ],
    ["Jennifer Lopez called back.", "[NAME] called back."],
    ["James and Declan asked about driving.", "[NAME] and [NAME] asked about driving."],
    ["Adaeze & Linda visited.", "[NAME] & [NAME] visited."],
    ["Patient and Family Services agreed.", "Patient and Family Services agreed."],
  ],
  LOCATION: [
    [
      "Lives at 1428 Maple Avenue, Springfield, IL 62704.",
      "Lives at [LOCATION], [LOCATION], IL [LOCATION].",
    ],
    ["Address: 22 Oak St, Apt 3B, Salem, MA", "Address: [LOCATION], MA"],
    ["She lives in Fairview with her son.", "She lives in [LOCATION] with her son."],
    ["Mail to PO Box 1187, Dover, DE 19901", "Mail to [LOCATION], [LOCATION], DE [LOCATION]"],
    ["ZIP code: 02139", "ZIP code: [LOCATION]"],
    ["Resident of Marin County", "Resident of [LOCATION]"],
  ],
  DATE: [
    ["Seen 03/14/2023.", "Seen [DATE]."],
    ["Seen 3/14/23.", "Seen [DATE]."],
    ["Seen 2023-03-14.", "Seen [DATE]."],
    ["Admitted 2023-03-14T10:22:00Z.", "Admitted [DATE]."],
    ["DOB March 14, 1950", "DOB [DATE]"],
    ["DOB Mar. 14, 1950", "DOB [DATE]"],
    ["on 14 Mar 2023", "on [DATE]"],
    ["on 14th of March", "on [DATE]"],
    ["on 14-Mar-2023", "on [DATE]"],
    ["on 14.03.2023", "on [DATE]"],
    ["follow up on 3/28", "follow up on [DATE]"],
    ["last seen in June 2021", "last seen in [DATE]"],
  ],
  AGE: [
    ["A 94-year-old woman", "A [AGE]-year-old woman"],
    ["He is 101 years old.", "He is [AGE] years old."],
    ["aged 92", "aged [AGE]"],
    ["92 yo M", "[AGE] yo M"],
  ],
  PHONE: [
    ["Call (555) 123-4567.", "Call [PHONE]."],
    ["Call 555-123-4567 x204.", "Call [PHONE]."],
    ["Call +1 555 123 4567", "Call [PHONE]"],
    ["Call 555.123.4567", "Call [PHONE]"],
    ["Mobile +44 20 7946 0958", "Mobile [PHONE]"],
    ["phone: 123-4567", "phone: [PHONE]"],
  ],
  FAX: [
    ["Fax: (555) 987-6543", "Fax: [FAX]"],
    ["faxed to 555-987-6543", "faxed to [PHONE]"],
    ["fax number 555.987.6543", "fax number [FAX]"],
  ],
  EMAIL: [
    ["Email jsmith@example.org today", "Email [EMAIL] today"],
    ["<mary.o'neil+clinic@mail.health.co.uk>", "<[EMAIL]>"],
  ],
  SSN: [
    ["SSN 123-45-6789", "SSN [SSN]"],
    ["Social security number: 123456789", "Social security number: [SSN]"],
    ["ss# 123 45 6789", "ss# [SSN]"],
  ],
  MRN: [
    ["MRN: 1234567", "MRN: [MRN]"],
    ["MRN# AB123456", "MRN# [MRN]"],
    ["medical record number 00982211", "medical record number [MRN]"],
    ["MR # 77-1123", "MR # [MRN]"],
  ],
  HEALTH_PLAN: [
    ["Member ID: XYZ123456789", "Member ID: [HEALTH_PLAN]"],
    ["Policy #: 99812-A", "Policy #: [HEALTH_PLAN]"],
    ["Medicare MBI 1EG4TE5MK73", "Medicare MBI [HEALTH_PLAN]"],
    ["MBI on card: 1EG4TE5MK73", "MBI on card: [HEALTH_PLAN]"],
  ],
  ACCOUNT: [
    ["Acct # 99887766", "Acct # [ACCOUNT]"],
    ["account number is 4455667788", "account number is [ACCOUNT]"],
  ],
  LICENSE: [
    ["DEA AB1234563", "DEA [LICENSE]"],
    ["Driver's license D1234567", "Driver's license [LICENSE]"],
    ["NPI 1234567893", "NPI [LICENSE]"],
  ],
  VEHICLE: [
    ["license plate 7ABC123", "license plate [VEHICLE]"],
    ["VIN 1HGCM82633A004352", "VIN [VEHICLE]"],
    ["car 1HGCM82633A004352 towed", "car [VEHICLE] towed"],
  ],
  DEVICE: [
    ["Pacemaker serial: PM-2231-X", "Pacemaker serial: [DEVICE]"],
    ["S/N 44A9921", "S/N [DEVICE]"],
    ["UDI (01)00643169007222(17)141120(10)7654321D", "UDI [DEVICE]"],
    ["MAC 00:1B:44:11:3A:B7", "MAC [DEVICE]"],
  ],
  URL: [
    ["See https://mychart.example.com/x?id=1.", "See [URL]."],
    ["at www.example.org/path, then", "at [URL], then"],
    ["portal kin-family.org/u/12", "portal [URL]"],
  ],
  IP: [
    ["from 192.168.10.12 today", "from [IP] today"],
    ["from 2001:db8::8a2e:370:7334.", "from [IP]."],
    ["loopback ::1 and fe80::1%eth0", "loopback [IP] and [IP]"],
  ],
  ID: [
    ["Specimen accession S71-138942 sent", "Specimen accession [ID] sent"],
    ["Claim number CLM123456789", "Claim number [ID]"],
    ["reference 2024110312345", "reference [ID]"],
  ],
};

const NOT_PHI: ReadonlyArray<string> = [
  "Metoprolol 25 mg PO BID, aspirin 81 mg daily.",
  "BP 132/84, HR 88, RR 16, SpO2 97% on room air, T 98.6 F.",
  "Na 138 mmol/L, K 4.1, creatinine 1.2 mg/dL, A1c 7.2%, platelets 250,000.",
  "ICD-10 E11.9, LOINC 8867-4, CPT 99214.",
  "Diagnosed in 2019; colonoscopy in 2021.",
  "A 72-year-old man; father died at age 89.",
  "Dr. on call was notified.",
  "Pain 7/10, strength 5/5, reflexes 2+.",
  "EF 45%, CHA2DS2-VASc score 3, 1.5 L fluid restriction.",
  "Follow up in 2 weeks with cardiology.",
  "Version 10.2.1 of the pump firmware.",
  "Meeting at 10:30:00 in room 4B.",
];

describe("redactText per category", () => {
  for (const [type, rows] of Object.entries(MASKED)) {
    it.each(rows)(`${type}: %j`, (input, expected) => {
      expect(redactText(input).text).toBe(expected);
    });
  }

  it.each(NOT_PHI)("leaves look-alikes alone: %j", (input) => {
    expect(redactText(input)).toEqual({ text: input, findings: [] });
  });
});

describe("findings", () => {
  it.each<[string, Array<{ type: PhiType; start: number; end: number }>]>([
    [
      "Dr. Jane Doe saw pt on 3/14/2023",
      [
        { type: "NAME", start: 4, end: 12 },
        { type: "DATE", start: 23, end: 32 },
      ],
    ],
    [
      "SSN 123-45-6789, fax: 555-987-6543",
      [
        { type: "SSN", start: 4, end: 15 },
        { type: "FAX", start: 22, end: 34 },
      ],
    ],
    [
      "Email a.b@c.org from 10.0.0.1",
      [
        { type: "EMAIL", start: 6, end: 15 },
        { type: "IP", start: 21, end: 29 },
      ],
    ],
    [
      "1428 Maple Avenue, Salem, MA 01970",
      [
        { type: "LOCATION", start: 0, end: 17 },
        { type: "LOCATION", start: 19, end: 24 },
        { type: "LOCATION", start: 29, end: 34 },
      ],
    ],
  ])("%j", (input, findings) => {
    expect(redactText(input).findings).toEqual(findings);
  });

  it("merges overlapping detections into one span typed after the longest", () => {
    // The e-mail's domain is also a URL on its own; one [EMAIL] must cover both.
    expect(redactText("write to ops@clinic.example.org now")).toEqual({
      text: "write to [EMAIL] now",
      findings: [{ type: "EMAIL", start: 9, end: 31 }],
    });
  });

  it("prefers the specific category over the catch-all ID for the same characters", () => {
    expect(redactText("MRN 123456789").findings).toEqual([{ type: "MRN", start: 4, end: 13 }]);
  });

  it("honours categories: only the requested ones are detected", () => {
    const text = "Dr. Jane Doe, 555-123-4567, 03/14/2023";
    expect(redactText(text, { categories: ["PHONE"] }).text).toBe(
      "Dr. Jane Doe, [PHONE], 03/14/2023",
    );
    expect(redactText(text, { categories: ["FAX"] }).text).toBe(text);
    expect(redactText(text, { categories: [] }).text).toBe(text);
  });

  it("does not detect its own masks", () => {
    const masked = "Dr. [NAME] saw [NAME] on [DATE] at [LOCATION], call [PHONE], MRN [MRN]";
    expect(redactText(masked)).toEqual({ text: masked, findings: [] });
  });

  it.each<[unknown, string]>([
    [undefined, ""],
    [null, ""],
    [42, "42"],
    [{ toString: () => "SSN 123-45-6789" }, "SSN [SSN]"],
    [
      {
        toString: () => {
          throw new Error("boom");
        },
      },
      "",
    ],
    ["\uD800 lone surrogate, Dr. Zoë Müller", "\uD800 lone surrogate, Dr. [NAME]"],
  ])("never throws on %p", (input, expected) => {
    expect(redactText(input).text).toBe(expected);
  });
});
