/**
 * Keeps the PHI README's worked example true: the code it shows is worked-example.ts, verbatim, and that detector
 * finds what the README says it finds, from its triggers exactly as from every position.
 */
import * as fs from "fs";
import * as path from "path";
import { Finding } from "../../../functions/lib/phi";
import { Detector, TriggerSet } from "../../../functions/lib/phi/scan";
import { BELGIAN_NRN } from "./worked-example";

const README = fs.readFileSync(
  path.join(__dirname, "../../../functions/lib/phi/README.md"),
  "utf8",
);

function run(d: Detector, text: string, everywhere = false): Finding[] {
  const found: Finding[] = [];
  const starts = everywhere
    ? d.triggers.map(() => TriggerSet.everywhere(text))
    : new TriggerSet(d.triggers).scan(text);
  d.detect(text, starts, (type, start, end) => found.push({ type, start, end }));
  return found;
}

describe("PHI README worked example", () => {
  it("shows worked-example.ts verbatim", () => {
    const code = fs.readFileSync(path.join(__dirname, "worked-example.ts"), "utf8");
    // The README's copy imports from the library's own folder.
    const shown = code.replace('"../../../functions/lib/phi/scan"', '"./scan"');
    expect(README).toContain(shown.trim());
  });

  it("finds a Belgian national register number with a valid check, in both of its formats", () => {
    const text = "RRN 85.07.30-033.28, also 85073003328; not 85.07.30-033.29.";
    expect(run(BELGIAN_NRN, text)).toEqual([
      { type: "SSN", start: 4, end: 19 },
      { type: "SSN", start: 26, end: 37 },
    ]);
  });

  it("finds a number of someone born in 2001 (the check counts a leading 2)", () => {
    expect(run(BELGIAN_NRN, "01.02.03-123.45")).toEqual([{ type: "SSN", start: 0, end: 15 }]);
  });

  it("finds the same from its triggers as from every position", () => {
    const text =
      "85.07.30-033.28 850730 03328 12.34 85073003328 01.02.03-123.45 7.5.2 850730033.28";
    expect(run(BELGIAN_NRN, text)).toEqual(run(BELGIAN_NRN, text, true));
  });
});
