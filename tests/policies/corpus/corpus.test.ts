/** The pack on programs it was not written against: catch rate on the flawed variants, no alarm on the fixed ones. */
import { evaluateCorpus, loadCorpus } from "../../../fixtures/policy-corpus";

describe("policy corpus", () => {
  const pairs = loadCorpus();

  it("holds at least 60 flawed/fixed pairs, each citing its catalog and differing in one place", () => {
    expect(pairs.length).toBeGreaterThanOrEqual(60);
    for (const p of pairs) {
      expect([p.id, p.source.length > 0, p.flaw.length > 0]).toEqual([p.id, true, true]);
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
