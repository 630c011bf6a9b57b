import fc from "fast-check";
import { eachOccurrence } from "../../../functions/lib/phi/occurrences";

/** What the automaton must reproduce: per needle, successive indexOf calls from the end of the last occurrence. */
function byIndexOf(text: string, needles: ReadonlyArray<string>): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  needles.forEach((needle, k) => {
    if (needle.length === 0) {
      return;
    }
    for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + needle.length)) {
      out.push([k, at]);
    }
  });
  return out.sort((a, b) => a[1] - b[1] || a[0] - b[0]);
}

function byAutomaton(text: string, needles: ReadonlyArray<string>): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  eachOccurrence(text, needles, (k, at) => out.push([k, at]));
  return out.sort((a, b) => a[1] - b[1] || a[0] - b[0]);
}

describe("eachOccurrence", () => {
  it("finds each needle's non-overlapping occurrences, needles inside needles included", () => {
    const needles = ["aa", "aaa", "Smith", "John Smith", "mit", "h J"];
    const text = "aaaaa John Smith, Smith; JJohn Smithh";
    expect(byAutomaton(text, needles)).toEqual([
      [0, 0],
      [1, 0],
      [0, 2],
      [3, 6],
      [2, 11],
      [4, 12],
      [2, 18],
      [4, 19],
      [3, 26],
      [2, 31],
      [4, 32],
    ]);
    expect(byAutomaton(text, needles)).toEqual(byIndexOf(text, needles));
  });

  it("agrees with successive indexOf calls on generated texts and needles", () => {
    const alphabet = fc.constantFrom("a", "b", "ab", "ba", " ", "é", "😀");
    const str = (max: number) => fc.array(alphabet, { maxLength: max }).map((p) => p.join(""));
    fc.assert(
      fc.property(str(60), fc.array(str(6), { maxLength: 12 }), (text, needles) => {
        expect(byAutomaton(text, needles)).toEqual(byIndexOf(text, needles));
      }),
      { numRuns: 1000 },
    );
  });
});
