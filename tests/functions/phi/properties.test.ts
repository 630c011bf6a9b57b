import fc from "fast-check";
import {
  Finding,
  maskOf,
  Patient,
  PHI_TYPES,
  redactObject,
  redactText,
} from "../../../functions/lib/phi";

/** Text that mixes clinical words, PHI-shaped fragments, masks, punctuation and arbitrary unicode. */
const fragment = fc.oneof(
  fc.constantFrom(
    "Dr. ",
    "Mr. ",
    "patient ",
    "Jane ",
    "Smith",
    "O'Brien ",
    ", MD",
    "lives at ",
    "123 Main St",
    ", Salem, MA 01970",
    "03/14/2023",
    "March 14, 2023",
    "on 3/14",
    "94-year-old",
    "(555) 123-4567",
    "fax: ",
    "a@b.org",
    "SSN ",
    "123-45-6789",
    "MRN: ",
    "A123456",
    "https://x.org/p",
    "10.0.0.1",
    "2001:db8::1",
    "VIN 1HGCM82633A004352",
    "[NAME]",
    "[DATE]",
    "[",
    "]",
    "BP 120/80",
    "metoprolol 25 mg",
    // European formats and the Unicode real notes carry.
    "Frau ",
    "Dott.ssa ",
    "NOM : ",
    "DUPONT",
    "Jose\u0301 ",
    "Lefe\u0300vre",
    "Łukasz ",
    "Ελένη ",
    "İlker Çelik",
    "von der ",
    "d'",
    "\u00a0",
    "\u202f",
    "\u2009",
    "\u0301",
    "\uff10\uff16 12 34 56 78",
    "\uff11\uff12",
    "Hauptstraße 5",
    ", 80331 München",
    "8 avenue Foch",
    "Via Roma, 21",
    "1012 AB Amsterdam",
    "SW1A 1AA",
    "3. April 2023",
    "5 de mayo de 2021",
    "94-jährige",
    "A123456780",
    "2 55 08 14 168 025 38",
    "X1234567L",
    "RSSMRA85T10A562S",
    "943 476 5919",
    "DE89 3704 0044 0532 0130 00",
    "Kennzeichen M-AB 1234",
    "Fallnummer: ",
    " ",
    "\n",
    "\t",
    ".",
    ",",
    ":",
    "#",
  ),
  fc.string({ unit: "grapheme", maxLength: 12 }),
  fc.string({ unit: "binary", maxLength: 6 }),
);
const clinical = fc.array(fragment, { maxLength: 40 }).map((parts) => parts.join(""));
const anyText = fc.oneof(clinical, fc.string({ unit: "binary", maxLength: 200 }));

function foundTexts(text: string, findings: ReadonlyArray<Finding>): string[] {
  return findings.map((f) => text.slice(f.start, f.end));
}

describe("redactText properties", () => {
  it("is idempotent: redacting the output again changes nothing", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const once = redactText(text).text;
        expect(redactText(once)).toEqual({ text: once, findings: [] });
      }),
      { numRuns: 2000 },
    );
  });

  it("never throws, on any value", () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        expect(typeof redactText(value).text).toBe("string");
        redactObject(value);
      }),
      { numRuns: 1000 },
    );
  });

  it("reports valid, ordered, non-overlapping offsets into the original text", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        let last = 0;
        for (const f of redactText(text).findings) {
          expect(PHI_TYPES).toContain(f.type);
          expect(f.start).toBeGreaterThanOrEqual(last);
          expect(f.end).toBeGreaterThan(f.start);
          expect(f.end).toBeLessThanOrEqual(text.length);
          last = f.end;
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("rebuilds the output from the text outside the findings plus one mask per finding", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const { text: out, findings } = redactText(text);
        let expected = "";
        let at = 0;
        for (const f of findings) {
          expected += text.slice(at, f.start) + maskOf(f.type);
          at = f.end;
        }
        expected += text.slice(at);
        expect(out).toBe(expected);
        const masked = findings.reduce((n, f) => n + (f.end - f.start), 0);
        const masks = findings.reduce((n, f) => n + maskOf(f.type).length, 0);
        expect(out.length).toBe(text.length - masked + masks);
      }),
      { numRuns: 2000 },
    );
  });

  it("leaves none of the found substrings in the output", () => {
    fc.assert(
      fc.property(clinical, (text) => {
        const { text: masked, findings } = redactText(text);
        // A found value can be a mask's type name ("NOM : SSN ..."): only the text outside the masks counts.
        const out = masked.replace(/\[[A-Z_]+\]/g, "\u0000");
        for (const s of foundTexts(text, findings)) {
          // A found value may legitimately recur inside a mask-free remainder only if it is a mask itself.
          if (s.trim().length >= 3) {
            expect(out).not.toContain(s);
          }
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("masks every occurrence of a known patient's identifiers, whatever the case and spacing", () => {
    const word = fc.stringMatching(/^[A-Z][a-z]{2,9}$/);
    fc.assert(
      fc.property(
        word,
        word,
        fc.stringMatching(/^[0-9]{5,9}$/),
        fc.constantFrom(" ", "  ", "\n", "\t "),
        (given, family, mrn, gap) => {
          const patient: Patient = {
            name: [{ given: [given], family }],
            identifier: [{ value: mrn }],
          };
          const text = `seen: ${given.toUpperCase()}${gap}${family.toLowerCase()} (${mrn}); ${family} agrees`;
          const out = redactText(text, { patient }).text;
          // Identifiers are whole words: "een" inside "seen" or "Nam" inside "[NAME]" is not an occurrence.
          const word = (w: string) => new RegExp(`(^|[^A-Za-z0-9])${w}([^A-Za-z0-9]|$)`, "i");
          expect(out).not.toMatch(word(family));
          expect(out).not.toMatch(word(given));
          expect(out).not.toMatch(word(mrn));
        },
      ),
      { numRuns: 500 },
    );
  });

  it("finds the same identifiers in a text written composed (NFC) or decomposed (NFD)", () => {
    fc.assert(
      fc.property(clinical, (text) => {
        const nfc = text.normalize("NFC");
        const a = redactText(nfc);
        const b = redactText(nfc.normalize("NFD"));
        expect(b.findings.map((f) => f.type)).toEqual(a.findings.map((f) => f.type));
        expect(b.text.normalize("NFC")).toBe(a.text);
      }),
      { numRuns: 1000 },
    );
  });

  it("is idempotent where a mask moves a context word closer to an identifier", () => {
    const once = redactText("phone 95 yo 555-1234").text;
    expect(redactText(once).text).toBe(once);
  });

  it("never throws on arbitrary Patient-shaped input", () => {
    fc.assert(
      fc.property(fc.anything(), fc.string({ maxLength: 8 }), anyText, (junk, s, text) => {
        const patient = {
          name: [{ family: s, given: [s, junk] }],
          identifier: [{ value: s }, junk],
          telecom: [{ value: s }],
          birthDate: s,
          address: [{ line: [s], city: junk }],
        };
        redactText(text, { patient: patient as Patient });
      }),
      { numRuns: 1000 },
    );
  });
});
