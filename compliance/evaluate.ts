/**
 * Turns the pack's answers into per-policy results the way the engine and Pulumi Cloud read them: for every
 * resource and every enabled resource policy, pass, fail, not-applicable, or indeterminate (the pack could not
 * decide because a value was unknown; the engine downgrades that to an advisory "can't run policy" message,
 * which must never read as a pass).
 */
import { AnalyzeResult, Diagnostic, PackClient, PackInfo, PolicyInfo } from "./analyzer";
import { CapturedResource } from "./types";
import { ReconciledConfig } from "./policy-config";

export type ResultStatus = "pass" | "fail" | "suppressed" | "not-applicable" | "indeterminate";

export interface PolicyResult {
  readonly policyName: string;
  readonly urn: string;
  readonly status: ResultStatus;
  readonly reason?: string;
}

export interface Finding extends Diagnostic {
  /** The specific message, without the policy description the SDK puts first. */
  readonly detail: string;
}

export interface Evaluation {
  readonly results: PolicyResult[];
  readonly violations: Finding[];
  /** Findings a valid suppression covers: advisory for the engine, listed apart so they are never lost. */
  readonly suppressed: Finding[];
  readonly indeterminate: Finding[];
  /** Policy calls made: resources x enabled resource policies, plus enabled stack policies. */
  readonly evaluations: number;
  readonly analyzeMs: number;
}

const cantRun = /^can't run policy '.+' from policy pack '.+' during preview: /;
const suppressedMark = "[suppressed";

function detailOf(d: Diagnostic): string {
  if (d.message.startsWith(`${d.description}\n`)) {
    return d.message.slice(d.description.length + 1);
  }
  return d.message;
}

interface Sinks {
  readonly violations: Finding[];
  readonly suppressed: Finding[];
  readonly indeterminate: Finding[];
}

function classify(
  policies: readonly PolicyInfo[],
  urn: string,
  answer: AnalyzeResult,
  sinks: Sinks,
): PolicyResult[] {
  const results: PolicyResult[] = [];
  for (const p of policies) {
    const na = answer.notApplicable.find((n) => n.policyName === p.name);
    if (na) {
      results.push({ policyName: p.name, urn, status: "not-applicable", reason: na.reason });
      continue;
    }
    const mine = answer.diagnostics.filter(
      (d) => d.policyName === p.name && (d.urn || urn) === urn,
    );
    const unknown = mine.filter((d) => cantRun.test(d.message));
    const covered = mine.filter((d) => detailOf(d).startsWith(suppressedMark));
    const failing = mine.filter((d) => !unknown.includes(d) && !covered.includes(d));
    for (const d of failing) {
      sinks.violations.push({ ...d, urn, detail: detailOf(d) });
    }
    for (const d of covered) {
      sinks.suppressed.push({ ...d, urn, detail: detailOf(d) });
    }
    for (const d of unknown) {
      sinks.indeterminate.push({ ...d, urn, detail: d.message.replace(cantRun, "") });
    }
    const status: ResultStatus =
      failing.length > 0
        ? "fail"
        : covered.length > 0
          ? "suppressed"
          : unknown.length > 0
            ? "indeterminate"
            : "pass";
    results.push({
      policyName: p.name,
      urn,
      status,
      ...(unknown.length > 0 ? { reason: unknown[0].message } : {}),
    });
  }
  return results;
}

export async function evaluate(
  pack: PackClient,
  info: PackInfo,
  config: Record<string, ReconciledConfig>,
  resources: readonly CapturedResource[],
  stackUrn: string,
): Promise<Evaluation> {
  const enabled = (p: PolicyInfo) => config[p.name]?.enforcementLevel !== "disabled";
  const resourcePolicies = info.policies.filter((p) => p.kind === "resource" && enabled(p));
  const stackPolicies = info.policies.filter((p) => p.kind === "stack" && enabled(p));
  const byUrn = new Map(resources.map((r) => [r.urn, r]));
  const sinks: Sinks = { violations: [], suppressed: [], indeterminate: [] };
  const results: PolicyResult[] = [];
  const started = process.hrtime.bigint();
  for (const r of resources) {
    const answer = await pack.analyze(r, byUrn);
    results.push(...classify(resourcePolicies, r.urn, answer, sinks));
  }
  const stackAnswer = await pack.analyzeStack(resources);
  for (const p of stackPolicies) {
    const na = stackAnswer.notApplicable.find((n) => n.policyName === p.name);
    if (na) {
      results.push({
        policyName: p.name,
        urn: stackUrn,
        status: "not-applicable",
        reason: na.reason,
      });
      continue;
    }
    const mine = stackAnswer.diagnostics.filter((d) => d.policyName === p.name);
    const urns = [...new Set(mine.map((d) => d.urn || stackUrn))];
    if (urns.length === 0) {
      results.push({ policyName: p.name, urn: stackUrn, status: "pass" });
    }
    for (const urn of urns) {
      results.push(
        ...classify(
          [p],
          urn,
          { diagnostics: mine.filter((d) => (d.urn || stackUrn) === urn), notApplicable: [] },
          sinks,
        ),
      );
    }
  }
  return {
    results,
    ...sinks,
    evaluations: resources.length * resourcePolicies.length + stackPolicies.length,
    analyzeMs: Number(process.hrtime.bigint() - started) / 1e6,
  };
}
