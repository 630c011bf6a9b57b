/**
 * Turns the pack's answers into per-policy results the way the engine and Pulumi Cloud read them: for every
 * resource and every enabled resource policy, pass, fail, not-applicable, or indeterminate (the pack could not
 * decide because a value was unknown; the engine downgrades that to an advisory "can't run policy" message,
 * which must never read as a pass).
 */
import { AnalyzeResult, Diagnostic, PackClient, PackInfo, PolicyInfo } from "./analyzer";
import { CapturedResource } from "./types";
import { ReconciledConfig } from "./policy-config";

export type ResultStatus = "pass" | "fail" | "not-applicable" | "indeterminate";

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
  readonly indeterminate: Finding[];
  /** Policy calls made: resources x enabled resource policies, plus enabled stack policies. */
  readonly evaluations: number;
  readonly analyzeMs: number;
}

const cantRun = /^can't run policy '.+' from policy pack '.+' during preview: /;

function detailOf(d: Diagnostic): string {
  if (d.message.startsWith(`${d.description}\n`)) {
    return d.message.slice(d.description.length + 1);
  }
  return d.message;
}

function classify(
  policies: readonly PolicyInfo[],
  urn: string,
  answer: AnalyzeResult,
  violations: Finding[],
  indeterminate: Finding[],
): PolicyResult[] {
  const results: PolicyResult[] = [];
  for (const p of policies) {
    const na = answer.notApplicable.find((n) => n.policyName === p.name);
    if (na) {
      results.push({ policyName: p.name, urn, status: "not-applicable", reason: na.reason });
      continue;
    }
    const mine = answer.diagnostics.filter((d) => d.policyName === p.name && (d.urn || urn) === urn);
    const unknown = mine.filter((d) => cantRun.test(d.message));
    const failing = mine.filter((d) => !cantRun.test(d.message));
    for (const d of failing) {
      violations.push({ ...d, urn, detail: detailOf(d) });
    }
    for (const d of unknown) {
      indeterminate.push({ ...d, urn, detail: d.message.replace(cantRun, "") });
    }
    const status: ResultStatus = failing.length > 0 ? "fail" : unknown.length > 0 ? "indeterminate" : "pass";
    results.push({ policyName: p.name, urn, status, ...(unknown.length > 0 ? { reason: unknown[0].message } : {}) });
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
  const violations: Finding[] = [];
  const indeterminate: Finding[] = [];
  const results: PolicyResult[] = [];
  const started = process.hrtime.bigint();
  for (const r of resources) {
    const answer = await pack.analyze(r, byUrn);
    results.push(...classify(resourcePolicies, r.urn, answer, violations, indeterminate));
  }
  const stackAnswer = await pack.analyzeStack(resources);
  for (const p of stackPolicies) {
    const na = stackAnswer.notApplicable.find((n) => n.policyName === p.name);
    if (na) {
      results.push({ policyName: p.name, urn: stackUrn, status: "not-applicable", reason: na.reason });
      continue;
    }
    const mine = stackAnswer.diagnostics.filter((d) => d.policyName === p.name);
    const urns = [...new Set(mine.map((d) => d.urn || stackUrn))];
    if (urns.length === 0) {
      results.push({ policyName: p.name, urn: stackUrn, status: "pass" });
    }
    for (const urn of urns) {
      results.push(
        ...classify([p], urn, { diagnostics: mine.filter((d) => (d.urn || stackUrn) === urn), notApplicable: [] }, violations, indeterminate),
      );
    }
  }
  return {
    results,
    violations,
    indeterminate,
    evaluations: resources.length * resourcePolicies.length + stackPolicies.length,
    analyzeMs: Number(process.hrtime.bigint() - started) / 1e6,
  };
}
