import * as fs from "fs";
import { PHI_TYPES, redactText } from "../../../functions/lib/phi";
import { evaluate, STRUCTURED } from "../../../fixtures/phi-corpus/evaluate";
import {
  bsn,
  codiceFiscale,
  dni,
  iban,
  kvnr,
  nhs,
  nie,
  nir,
  ppsn,
} from "../../../fixtures/phi-corpus-eu/ids";
import {
  CORPUS_FILE,
  generateCorpus,
  LANGS,
  readCorpus,
} from "../../../fixtures/phi-corpus-eu/generate";

describe("EU corpus generator's check digits, against published examples", () => {
  it("computes each identifier's check characters as its specification does", () => {
    expect(kvnr("A", "12345678")).toBe("A123456780");
    expect(nir(2, "55", "08", "14", "168", "025")).toBe("2 55 08 14 168 025 38");
    expect(dni("12345678")).toBe("12345678Z");
    expect(nie("X", "1234567")).toBe("X1234567L");
    expect(codiceFiscale("RSSMRA85T10A562")).toBe("RSSMRA85T10A562S");
    expect(bsn("11122233")).toBe("111222333");
    expect(nhs("943476591")).toBe("943 476 5919");
    expect(ppsn("1234567")).toBe("1234567T");
    expect(iban("DE", "370400440532013000", false)).toBe("DE89370400440532013000");
    expect(iban("GB", "NWBK60161331926819", true)).toBe("GB29 NWBK 6016 1331 9268 19");
  });
});

describe("labelled EU PHI corpus", () => {
  const notes = readCorpus();

  it("is reproduced byte for byte by its generator", () => {
    expect(generateCorpus() === fs.readFileSync(CORPUS_FILE, "utf8")).toBe(true);
  });

  it("has at least 250 notes and 2,000 spans across the six languages, with valid offsets", () => {
    expect(notes.length).toBeGreaterThanOrEqual(250);
    const spans = notes.flatMap((n) => n.spans.map((s) => ({ ...s, text: n.text })));
    expect(spans.length).toBeGreaterThanOrEqual(2000);
    expect(new Set(notes.map((n) => n.lang))).toEqual(new Set(LANGS));
    for (const s of spans) {
      expect(PHI_TYPES).toContain(s.type);
      expect(s.start).toBeGreaterThanOrEqual(0);
      expect(s.end).toBeLessThanOrEqual(s.text.length);
      expect(s.end).toBeGreaterThan(s.start);
    }
  });

  it("holds the Unicode that real notes carry: NFD accents, Unicode spaces, fullwidth digits, letters outside Latin-1", () => {
    const all = notes.map((n) => n.text).join("\n");
    expect(all).toMatch(/\p{M}/u);
    expect(all).toMatch(/[\u00a0\u202f\u2009\u2007]/);
    expect(all).toMatch(/[\uff10-\uff19]/);
    for (const ch of ["Ł", "Ž", "Š", "Ç", "İ", "Γ"]) {
      expect(all.normalize("NFC")).toContain(ch);
    }
  });
});

// Matching rule (see fixtures/phi-corpus/evaluate.ts): a gold span is found if any finding overlaps it; a
// finding is correct if it overlaps any gold span.
describe("redaction quality on the EU corpus, overall and per language", () => {
  const notes = readCorpus();
  const groups: Array<[string, typeof notes]> = [
    ["all", notes],
    ...LANGS.map((l): [string, typeof notes] => [l, notes.filter((n) => n.lang === l)]),
  ];
  it.each(groups)(
    "%s: recall >= 0.98, structured recall >= 0.99, precision >= 0.95",
    (_name, group) => {
      const { scores } = evaluate(group, (text) => redactText(text).findings);
      const score = (c: string) => scores.find((s) => s.category === c)!;
      expect(score("ALL").recall).toBeGreaterThanOrEqual(0.98);
      expect(score("STRUCTURED").recall).toBeGreaterThanOrEqual(0.99);
      expect(score("ALL").precision).toBeGreaterThanOrEqual(0.95);
    },
  );

  it("structured recall >= 0.99 for each structured category", () => {
    const { scores } = evaluate(notes, (text) => redactText(text).findings);
    for (const c of STRUCTURED) {
      const s = scores.find((x) => x.category === c);
      if (s !== undefined) {
        expect({ c, recall: s.recall >= 0.99 }).toEqual({ c, recall: true });
      }
    }
  });
});
