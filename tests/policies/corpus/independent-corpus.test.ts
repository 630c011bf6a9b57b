/**
 * The independent corpus (fixtures/policy-corpus-independent), written from the external catalogs before its author
 * read the pack: catch rate on the flawed variants, no alarm on the fixed ones.
 */
import { evaluateCorpus, independentCorpusDir, loadCorpus } from "../../../fixtures/policy-corpus";

describe("independent policy corpus", () => {
  const pairs = loadCorpus(independentCorpusDir);

  it("holds at least 60 pairs across the four platforms, none repeating an id of the first corpus", () => {
    expect(pairs.length).toBeGreaterThanOrEqual(60);
    const platforms = new Set(pairs.map((p) => p.id.split("-")[0]));
    expect([...platforms].sort()).toEqual(["aws", "azure", "gcp", "k8s"]);
    const first = new Set(loadCorpus().map((p) => p.id));
    expect(pairs.filter((p) => first.has(p.id)).map((p) => p.id)).toEqual([]);
  });

  it("cites a catalog for every pair, and every flawed variant differs from its fixed one in one resource", () => {
    for (const p of pairs) {
      expect([p.id, p.source.length > 0, p.flaw.length > 0]).toEqual([p.id, true, true]);
      expect([p.id, p.flawed.length]).toEqual([p.id, p.fixed.length]);
      const changed = p.fixed.filter((r, i) => JSON.stringify(r) !== JSON.stringify(p.flawed[i]));
      expect([p.id, changed.length]).toEqual([p.id, 1]);
    }
  });

  it("catches at least 95 % of the flaws and raises no alarm on the fixed variants", async () => {
    const summary = await evaluateCorpus(pairs);
    expect({ missed: summary.missed, falseAlarms: summary.falseAlarms }).toEqual({
      missed: expect.any(Array),
      falseAlarms: [],
    });
    expect(summary.catchRate).toBeGreaterThanOrEqual(0.95);
  });
});
