import fc from "fast-check";
import { TOKEN, tokenEnd } from "../../../functions/lib/phi/names";

/** What the TOKEN regex matches at `at` (sticky), as an end offset, or -1. */
function regexEnd(text: string, at: number): number {
  const re = new RegExp(TOKEN, "y");
  re.lastIndex = at;
  const m = re.exec(text);
  return m === null ? -1 : at + m[0].length;
}

describe("tokenEnd (the TOKEN regex written out for the capitals loop)", () => {
  it("ends where the regex ends on name shapes", () => {
    const cases: Array<[string, number]> = [
      ["Smith", 5],
      ["O'Brien", 7],
      ["McDonald", 8],
      ["Smith-Jones", 11],
      ["José", 4],
      ["Zoë,", 3],
      ["O'clock", -1],
      ["BP", -1],
      ["Smith-", 5],
      ["A", -1],
    ];
    for (const [text, end] of cases) {
      expect([text, tokenEnd(text, 0, text.length)]).toEqual([text, end]);
      expect([text, regexEnd(text, 0)]).toEqual([text, end]);
    }
  });

  it("agrees with the regex at every position of generated text", () => {
    const char = fc.constantFrom(..."AaBbZzÉéßÿ÷×'- .O".split(""));
    fc.assert(
      fc.property(fc.array(char, { maxLength: 24 }), (chars) => {
        const text = chars.join("");
        for (let at = 0; at < text.length; at++) {
          expect([text, at, tokenEnd(text, at, text.length)]).toEqual([
            text,
            at,
            regexEnd(text, at),
          ]);
        }
      }),
      { numRuns: 3000 },
    );
  });
});
