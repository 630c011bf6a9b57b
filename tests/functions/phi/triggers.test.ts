import fc from "fast-check";
import { redactText } from "../../../functions/lib/phi";
import { DETECTORS } from "../../../functions/lib/phi/detectors";
import { Detector, MAX_RUN, Starts, Trigger, TriggerSet } from "../../../functions/lib/phi/scan";
import { fold } from "../../../functions/lib/phi/chars";
import { readCorpus as readEuCorpus } from "../../../fixtures/phi-corpus-eu/generate";
import { readCorpus } from "../../../fixtures/phi-corpus/generate";

type Call = [string, number, number];

function findings(d: Detector, text: string, starts: ReadonlyArray<Starts>): Call[] {
  const calls: Call[] = [];
  d.detect(text, starts, (type, s, e) => calls.push([type, s, e]));
  return calls;
}

const perDetector = DETECTORS.map((d) => new TriggerSet(d.triggers));

/**
 * What each detector reports from its triggers' positions, next to what it reports when tried at every position
 * of the text (a global scan of each of its regexes): equal when every trigger is a necessary condition.
 */
function compare(text: string): Array<{ detector: number; triggered: Call[]; everywhere: Call[] }> {
  const out: Array<{ detector: number; triggered: Call[]; everywhere: Call[] }> = [];
  DETECTORS.forEach((d, i) => {
    const triggered = findings(
      d,
      text,
      perDetector[i].scan(text).map((l) => [...l]),
    );
    const everywhere = findings(
      d,
      text,
      d.triggers.map(() => TriggerSet.everywhere(text)),
    );
    out.push({ detector: i, triggered, everywhere });
  });
  return out;
}

function expectSound(text: string): void {
  for (const r of compare(text)) {
    if (JSON.stringify(r.triggered) !== JSON.stringify(r.everywhere)) {
      // The detector and text in the failure message, not just two arrays.
      expect({
        detector: r.detector,
        type: DETECTORS[r.detector].type,
        text,
        found: r.triggered,
      }).toEqual({
        detector: r.detector,
        type: DETECTORS[r.detector].type,
        text,
        found: r.everywhere,
      });
    }
  }
}

describe("TriggerSet", () => {
  const scan = (triggers: Trigger[], text: string) =>
    new TriggerSet(triggers).scan(text).map((l) => [...l]);

  it("finds whole letter runs case-insensitively, and runs that start with a prefix", () => {
    expect(
      scan([{ words: ["mrn"] }, { prefixes: ["dr"] }], "MRN mrn2 xmrn mrnx Dr DrSmith drug Xdr"),
    ).toEqual([
      [0, 4],
      [19, 22, 30],
    ]);
  });

  it("finds capitalised words: a capital not preceded by an ASCII letter, then lowercase or an apostrophe", () => {
    expect(scan([{ capitals: true }], "Ann McDonald 5Zoe éÉmile ÉMILE xÉ")).toEqual([
      [0, 4, 14, 19],
    ]);
    expect(scan([{ capitals: true }], "O'Brien BP [NAME] Zß Éé A B")).toEqual([[0, 2, 18, 21]]);
  });

  it("leaves out the capitals of excepted words only where the run is the word exactly and nothing carries it on", () => {
    const text = "The cat. THe The-Smith The' Theé Them The";
    expect(scan([{ capitals: true, capitalsExcept: ["The"] }, { capitals: true }], text)).toEqual([
      [13, 17, 23, 28, 33],
      [0, 13, 17, 23, 28, 33, 38],
    ]);
  });

  it("finds digit runs by length and the character after them", () => {
    const t: Trigger = { digits: (n, next) => n === 3 && next === "-" };
    expect(scan([t], "555-1234 5555-1 a555- 555")).toEqual([[0, 17]]);
    expect(
      scan([{ digits: (n) => n === MAX_RUN }], `${"1".repeat(30)} ${"2".repeat(MAX_RUN)} 333`),
    ).toEqual([[0, 31]]);
  });

  it("finds word runs by length, and single characters", () => {
    expect(scan([{ wordLength: (n) => n === 2 }, { chars: "@(" }], "ab a_ abc x@y (12)")).toEqual([
      [0, 3, 15],
      [11, 14],
    ]);
  });

  it("keeps positions ascending and distinct when several keys hold at one place", () => {
    expect(scan([{ words: ["pt"], prefixes: ["p"], capitals: true }], "Pt pt Px")).toEqual([
      [0, 3, 6],
    ]);
  });

  it("refuses triggers it could not honour, saying why", () => {
    expect(() => new TriggerSet([{ words: ["s/n"] }])).toThrow(
      'trigger word "s/n" must be ASCII letters only: a letter run never holds anything else',
    );
    expect(() => new TriggerSet([{ chars: "a" }])).toThrow(
      'trigger character "a" must be ASCII and not a word character: words are found as runs',
    );
    expect(() => new TriggerSet([{ wordLength: (n) => n > 3, chars: "@" }])).toThrow(
      "a wordLength trigger must be on its own: declare a second trigger for the rest",
    );
    expect(() => new TriggerSet([{ capitalsExcept: ["The"] }])).toThrow(
      "capitalsExcept needs capitals: true on the same trigger",
    );
    expect(() => new TriggerSet([{ capitals: true, capitalsExcept: ["THE"] }])).toThrow(
      'capitalsExcept word "THE" must be a capital and lowercase ASCII letters: only such a run starts a capitalised word',
    );
  });
});

describe("detector triggers are necessary conditions", () => {
  // Detectors read the folded view of a text (chars.ts): that is what their triggers are checked on.
  const notes = [...readCorpus(), ...readEuCorpus()].map((n) => fold(n.text).text);

  it("every detector finds the same spans from its triggers as from every position, on the corpus", () => {
    for (const text of notes) {
      expectSound(text);
    }
  });

  it("and on the corpus once redacted (what the idempotence re-scan reads)", () => {
    for (const text of notes) {
      expectSound(fold(redactText(text).text).text);
    }
  });

  it("and where a capitalised stop word is carried on into a longer token or stands alone", () => {
    expectSound(
      "Dr The-Smith and The'Brien saw Theé Jones. The Smith, Patient Patiently PATIENT Seen-Jones Seen.",
    );
  });

  // Pieces of real notes glued together without spaces, upper-cased or next to Latin-1 letters, digits, masks
  // and punctuation: the places where a trigger that is too narrow would show.
  const piece = fc.oneof(
    fc
      .tuple(fc.nat(notes.length - 1), fc.nat(600), fc.integer({ min: 1, max: 40 }), fc.boolean())
      .map(([n, at, len, upper]) => {
        const s = notes[n].slice(at % notes[n].length, (at % notes[n].length) + len);
        return upper ? s.toUpperCase() : s;
      }),
    fc.constantFrom(
      "é",
      "É",
      "ß",
      "'",
      "-",
      "_",
      "1",
      "12",
      "123",
      "1234",
      "12345",
      "(",
      "+",
      "@",
      ".",
      ":",
      "::",
      '"',
      ",",
      "/",
      "#",
      "\t",
      "\n",
      " ",
      "[NAME]",
      "[ID]",
      "DrSmith",
      "MD",
      "M.D.",
      "POBox",
      "zipcode",
      "mrn123456",
      "Straße ",
      "straat ",
      " rue ",
      "Via ",
      "C/ ",
      "Patienten-Nr. ",
      "n° ",
      "Nº ",
      "Dra. ",
      "Sig.ra ",
      "ª",
      "º",
      "ñ",
      "ł",
      "Ω",
      "\u00a0",
      "\u0301",
      "\uff11",
      "X1234567L",
      "12345678Z",
      "DE89 3704 0044 0532 0130 00",
      "The",
      "Patient",
      "Seen",
    ),
    fc.string({ maxLength: 4 }),
  );

  it("and on generated text", () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (parts) => {
        expectSound(fold(parts.join("")).text);
      }),
      { numRuns: 400 },
    );
  });
});
