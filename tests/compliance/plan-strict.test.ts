/** --strict and the policy configuration's "strict" switch: an indeterminate result fails the gate. */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { exitCodeOf, isStrict, parseArgs, PlanArgs, StackOutcome } from "../../compliance/cli";
import type { Report } from "../../compliance/report";

const outcome = (mandatory: number, indeterminate: number): StackOutcome => ({
  stack: "dev",
  report: { summary: { mandatory, indeterminate } } as unknown as Report,
});

describe("strict gate", () => {
  it("parses --strict", () => {
    expect((parseArgs(["--strict"]) as PlanArgs).strict).toBe(true);
    expect((parseArgs([]) as PlanArgs).strict).toBe(false);
  });

  it.each([
    [0, 0, false, 0],
    [0, 3, false, 0],
    [0, 3, true, 5],
    [1, 0, false, 5],
    [0, 0, true, 0],
  ])("mandatory %i, indeterminate %i, strict %s -> exit %i", (m, i, strict, code) => {
    expect(exitCodeOf([outcome(m, i)], "mandatory", strict)).toBe(code);
  });

  it('reads "strict": true from the policy configuration', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "strict-"));
    const file = path.join(dir, "config.json");
    fs.writeFileSync(file, JSON.stringify({ strict: true, all: "mandatory" }));
    const args = { ...(parseArgs(["--policy-config", file]) as PlanArgs) };
    expect([args.strict, isStrict(args)]).toEqual([false, true]);
    fs.writeFileSync(file, JSON.stringify({ all: "mandatory" }));
    expect(isStrict(args)).toBe(false);
  });
});
