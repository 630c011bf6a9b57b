/**
 * Turns the pack's answers into per-policy results the way the engine and Pulumi Cloud read them: for every
 * resource and every enabled resource policy, pass, fail, not-applicable, or indeterminate (the pack could not
 * decide because a value was unknown; the engine downgrades that to an advisory "can't run policy" message,
 * which must never read as a pass). Not-applicable pairs, most of them (a resource is of one type, most policies
 * are for another), are counted per policy rather than recorded one by one.
 *
 * The pack is asked about each resource as soon as the program registers it (`StreamingEvaluation.submit`), so it
 * works on its own core while the program is still running, with many requests in flight over its gRPC server.
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

export interface NotApplicableCount {
  readonly policyName: string;
  /** Resources (or, for a stack policy, stacks) the policy did not apply to. */
  readonly count: number;
  /** The pack's reason for the first of them. */
  readonly reason: string;
}

export interface Evaluation {
  /** Every resource x policy outcome except not-applicable: pass, fail, suppressed, indeterminate. */
  readonly results: PolicyResult[];
  /** Not-applicable outcomes, counted per policy (policies with none are left out). */
  readonly notApplicable: NotApplicableCount[];
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
  readonly notApplicable: Map<string, { count: number; reason: string }>;
}

function countNotApplicable(sinks: Sinks, policyName: string, reason: string): void {
  const seen = sinks.notApplicable.get(policyName);
  if (seen) {
    seen.count++;
  } else {
    sinks.notApplicable.set(policyName, { count: 1, reason });
  }
}

function classify(
  policies: readonly PolicyInfo[],
  urn: string,
  answer: AnalyzeResult,
  sinks: Sinks,
): PolicyResult[] {
  const results: PolicyResult[] = [];
  const notApplicable = new Map(answer.notApplicable.map((n) => [n.policyName, n.reason]));
  const byPolicy = new Map<string, Diagnostic[]>();
  for (const d of answer.diagnostics) {
    if ((d.urn || urn) === urn) {
      byPolicy.set(d.policyName, [...(byPolicy.get(d.policyName) ?? []), d]);
    }
  }
  for (const p of policies) {
    const na = notApplicable.get(p.name);
    if (na !== undefined) {
      countNotApplicable(sinks, p.name, na);
      continue;
    }
    const mine = byPolicy.get(p.name) ?? [];
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

interface Ready {
  readonly pack: PackClient;
  readonly info: PackInfo;
  readonly config: Record<string, ReconciledConfig>;
}

interface Classified {
  readonly results: PolicyResult[];
  readonly violations: Finding[];
  readonly suppressed: Finding[];
  readonly indeterminate: Finding[];
}

/**
 * Asks the pack about each resource as it is registered and classifies each answer as it arrives, keeping only
 * what the report needs; `finish` adds the stack analysis and puts everything in program order.
 */
export class StreamingEvaluation {
  private readonly classified = new Map<string, Promise<Classified>>();
  private readonly byUrn = new Map<string, CapturedResource>();
  private readonly notApplicable = new Map<string, { count: number; reason: string }>();
  private readonly resourcePolicies: Promise<PolicyInfo[]>;
  private started: bigint | undefined;

  constructor(private readonly ready: Promise<Ready>) {
    this.resourcePolicies = ready.then(({ info, config }) =>
      info.policies.filter(
        (p) => p.kind === "resource" && config[p.name]?.enforcementLevel !== "disabled",
      ),
    );
    this.resourcePolicies.catch(() => undefined);
  }

  submit(r: CapturedResource): void {
    this.started ??= process.hrtime.bigint();
    this.byUrn.set(r.urn, r);
    const done = this.ready.then(async ({ pack }) => {
      const answer = await pack.analyze(r, this.byUrn);
      const policies = await this.resourcePolicies;
      const sinks: Sinks = {
        violations: [],
        suppressed: [],
        indeterminate: [],
        notApplicable: this.notApplicable,
      };
      const results = classify(policies, r.urn, answer, sinks);
      return { results, ...sinks };
    });
    // Awaited in `finish`; a failure before then (the pack did not start) is reported there, not as unhandled.
    done.catch(() => undefined);
    this.classified.set(r.urn, done);
  }

  async finish(resources: readonly CapturedResource[], stackUrn: string): Promise<Evaluation> {
    const { pack, info, config } = await this.ready;
    this.started ??= process.hrtime.bigint();
    for (const r of resources) {
      if (!this.classified.has(r.urn)) {
        this.submit(r);
      }
    }
    const resourcePolicies = await this.resourcePolicies;
    const stackPolicies = info.policies.filter(
      (p) => p.kind === "stack" && config[p.name]?.enforcementLevel !== "disabled",
    );
    const sinks: Sinks = {
      violations: [],
      suppressed: [],
      indeterminate: [],
      notApplicable: this.notApplicable,
    };
    const results: PolicyResult[] = [];
    const stackAnswer = pack.analyzeStack(resources);
    for (const r of resources) {
      const c = await this.classified.get(r.urn)!;
      results.push(...c.results);
      sinks.violations.push(...c.violations);
      sinks.suppressed.push(...c.suppressed);
      sinks.indeterminate.push(...c.indeterminate);
    }
    const stackResult = await stackAnswer;
    for (const p of stackPolicies) {
      const na = stackResult.notApplicable.find((n) => n.policyName === p.name);
      if (na) {
        countNotApplicable(sinks, p.name, na.reason);
        continue;
      }
      const mine = stackResult.diagnostics.filter((d) => d.policyName === p.name);
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
      notApplicable: [...this.notApplicable].map(([policyName, v]) => ({ policyName, ...v })),
      violations: sinks.violations,
      suppressed: sinks.suppressed,
      indeterminate: sinks.indeterminate,
      evaluations: resources.length * resourcePolicies.length + stackPolicies.length,
      analyzeMs: Number(process.hrtime.bigint() - this.started) / 1e6,
    };
  }
}

/** The whole evaluation at once, for resources already captured. */
export async function evaluate(
  pack: PackClient,
  info: PackInfo,
  config: Record<string, ReconciledConfig>,
  resources: readonly CapturedResource[],
  stackUrn: string,
): Promise<Evaluation> {
  return new StreamingEvaluation(Promise.resolve({ pack, info, config })).finish(
    resources,
    stackUrn,
  );
}
