/**
 * Baselines: `--baseline OLD` compares this run's findings with an earlier report.json by fingerprint (policy +
 * resource URN), marks each finding `new` or `unchanged` and lists the fixed ones. OLD is a report.json (it applies
 * to the stack it names) or a directory of `<stack>/report.json` (an earlier `--out` directory). A report of schema
 * 1.x has no fingerprints; they are computed from its policy names and URNs, so old reports work as baselines.
 */
import * as fs from "fs";
import * as path from "path";
import { PlanError } from "./errors";
import { BaselineComparison, fingerprintOf, Report, ReportViolation } from "./report";

export interface BaselineFinding {
  readonly policyName: string;
  readonly urn: string;
  readonly enforcementLevel: string;
}

export interface Baseline {
  readonly file: string;
  readonly stack: string;
  readonly generatedAt: string;
  readonly findings: BaselineFinding[];
}

function readBaselineFile(file: string): Baseline {
  let doc: {
    stack?: unknown;
    generatedAt?: unknown;
    violations?: unknown;
    suppressed?: unknown;
  };
  try {
    doc = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (err) {
    throw new PlanError("usage", `--baseline ${file}: ${(err as Error).message}`);
  }
  if (typeof doc?.stack !== "string" || !Array.isArray(doc.violations)) {
    throw new PlanError(
      "usage",
      `--baseline ${file}: not a report.json (expected "stack" and "violations" fields, as npm run plan writes).`,
    );
  }
  const list = [...(doc.violations as unknown[]), ...((doc.suppressed as unknown[]) ?? [])];
  return {
    file,
    stack: doc.stack,
    generatedAt: typeof doc.generatedAt === "string" ? doc.generatedAt : "",
    findings: list.map((v) => {
      const x = v as Record<string, unknown>;
      return {
        policyName: String(x.policyName),
        urn: String(x.urn),
        enforcementLevel: String(x.enforcementLevel ?? ""),
      };
    }),
  };
}

/** The baseline for `stack`, or undefined when OLD holds none for it. */
export function loadBaseline(location: string, stack: string): Baseline | undefined {
  if (!fs.existsSync(location)) {
    throw new PlanError(
      "usage",
      `--baseline ${location}: no such file or directory; expected an earlier report.json or the --out directory holding <stack>/report.json.`,
    );
  }
  if (fs.statSync(location).isDirectory()) {
    const file = path.join(location, stack, "report.json");
    return fs.existsSync(file) ? readBaselineFile(file) : undefined;
  }
  const baseline = readBaselineFile(location);
  return baseline.stack === stack ? baseline : undefined;
}

/** Returns the report with every finding marked and the comparison filled in. */
export function compareWithBaseline(
  report: Report,
  baseline: Baseline | undefined,
  file: string,
): Report {
  const before = new Map(
    (baseline?.findings ?? []).map((f) => [fingerprintOf(f.policyName, f.urn), f]),
  );
  const now = new Set([...report.violations, ...report.suppressed].map((v) => v.fingerprint));
  const mark = (v: ReportViolation): ReportViolation => ({
    ...v,
    baselineState: before.has(v.fingerprint) ? "unchanged" : "new",
  });
  const violations = report.violations.map(mark);
  const suppressed = report.suppressed.map(mark);
  const all = [...violations, ...suppressed];
  const fixedFindings = [...before.entries()]
    .filter(([fp]) => !now.has(fp))
    .map(([fingerprint, f]) => ({ fingerprint, ...f }));
  const comparison: BaselineComparison = {
    file: baseline?.file ?? file,
    generatedAt: baseline?.generatedAt ?? "",
    new: all.filter((v) => v.baselineState === "new").length,
    newMandatory: violations.filter(
      (v) => v.baselineState === "new" && v.enforcementLevel === "mandatory",
    ).length,
    unchanged: all.filter((v) => v.baselineState === "unchanged").length,
    fixed: fixedFindings.length,
    fixedFindings,
  };
  return { ...report, violations, suppressed, baseline: comparison };
}
