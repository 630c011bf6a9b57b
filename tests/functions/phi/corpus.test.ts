import * as fs from "fs";
import { PHI_TYPES, redactText } from "../../../functions/lib/phi";
import { evaluate, STRUCTURED } from "../../../fixtures/phi-corpus/evaluate";
import { CORPUS_FILE, generateCorpus, readCorpus } from "../../../fixtures/phi-corpus/generate";

describe("labelled PHI corpus", () => {
  const notes = readCorpus();

  it("is reproduced byte for byte by its generator", () => {
    expect(generateCorpus() === fs.readFileSync(CORPUS_FILE, "utf8")).toBe(true);
  });

  it("has at least 300 notes and 1,000 spans, covering every category, with valid offsets", () => {
    expect(notes.length).toBeGreaterThanOrEqual(300);
    const spans = notes.flatMap((n) => n.spans.map((s) => ({ ...s, text: n.text })));
    expect(spans.length).toBeGreaterThanOrEqual(1000);
    expect(new Set(spans.map((s) => s.type))).toEqual(new Set(PHI_TYPES));
    for (const s of spans) {
      expect(s.start).toBeGreaterThanOrEqual(0);
      expect(s.end).toBeLessThanOrEqual(s.text.length);
      expect(s.text.slice(s.start, s.end).trim().length).toBe(s.end - s.start);
    }
  });

  // Matching rule (see evaluate.ts): a gold span is found if any finding overlaps it; a finding is correct if it
  // overlaps any gold span.
  const { scores } = evaluate(notes, (text) => redactText(text).findings);
  const score = (c: string) => scores.find((s) => s.category === c)!;

  it("recall >= 0.98 overall", () => {
    expect(score("ALL").recall).toBeGreaterThanOrEqual(0.98);
  });

  it("recall >= 0.99 on the structured identifiers, pooled and one by one", () => {
    expect(score("STRUCTURED").recall).toBeGreaterThanOrEqual(0.99);
    for (const c of STRUCTURED) {
      expect({ c, recall: score(c).recall >= 0.99 }).toEqual({ c, recall: true });
    }
  });

  it("precision >= 0.95 overall", () => {
    expect(score("ALL").precision).toBeGreaterThanOrEqual(0.95);
  });
});
