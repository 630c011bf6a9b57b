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
import {
  AnalyzeResult,
  Diagnostic,
  NotApplicableSet,
  PackClient,
  PackInfo,
  PolicyInfo,
} from "./analyzer";
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
  /** Not-applicable outcomes, counted per policy, in the pack's order of policies (policies with none are left out). */
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
  /** The answer's not-applicable list, counted in `finish`. */
  readonly notApplicable: NotApplicableSet | undefined;
}

/** What one distinct not-applicable list means for the enabled resource policies. */
interface SetView {
  /** Enabled resource policies not in the list, in pack order: each gets a result. */
  readonly applicable: readonly PolicyInfo[];
  /** Enabled resource policies in the list, in pack order, with the reason. */
  readonly notApplicable: readonly { name: string; reason: string }[];
}

/** Analyze calls in flight at once: enough to keep the pack busy, few enough that memory stays flat. */
const window = 32;

/**
 * Asks the pack about each resource as it is registered (at most `window` calls in flight, the rest queued in
 * registration order) and classifies each answer as it arrives, keeping only what the report needs; `finish` adds
 * the stack analysis and puts everything in program order. Not-applicable entries are counted per distinct list
 * (resources of one type share one), not per resource.
 */
export class StreamingEvaluation {
  private readonly classified = new Map<string, Promise<Classified>>();
  private readonly byUrn = new Map<string, CapturedResource>();
  private readonly queue: { r: CapturedResource; done: (c: Promise<Classified>) => void }[] = [];
  private inFlight = 0;
  private ready: Ready | undefined;
  private policies: PolicyInfo[] | undefined;
  private readonly views = new Map<NotApplicableSet, SetView>();
  private started: bigint | undefined;
  private readonly whenReady: Promise<void>;

  constructor(ready: Promise<Ready>) {
    this.whenReady = ready.then((r) => {
      this.ready = r;
      this.policies = r.info.policies.filter(
        (p) => p.kind === "resource" && r.config[p.name]?.enforcementLevel !== "disabled",
      );
      this.pump();
    });
    // A failure (the pack did not start) is reported by `finish`, not as unhandled.
    this.whenReady.catch(() => undefined);
  }

  submit(r: CapturedResource): void {
    this.started ??= process.hrtime.bigint();
    this.byUrn.set(r.urn, r);
    const classified = new Promise<Classified>((resolve, reject) => {
      this.queue.push({ r, done: (c) => c.then(resolve, reject) });
      this.whenReady.catch(reject);
    });
    // Awaited in `finish`; a failure before then is reported there, not as unhandled.
    classified.catch(() => undefined);
    this.classified.set(r.urn, classified);
    this.pump();
  }

  /** Starts queued calls while fewer than `window` are in flight. */
  private pump(): void {
    const ready = this.ready;
    if (!ready) {
      return;
    }
    while (this.inFlight < window && this.queue.length > 0) {
      const { r, done } = this.queue.shift()!;
      this.inFlight++;
      const c = ready.pack.analyze(r, this.byUrn).then((answer) => this.classify(r.urn, answer));
      c.catch(() => undefined).finally(() => {
        this.inFlight--;
        this.pump();
      });
      done(c);
    }
  }

  private viewOf(set: NotApplicableSet | undefined): SetView {
    const policies = this.policies!;
    if (!set) {
      return { applicable: policies, notApplicable: [] };
    }
    let view = this.views.get(set);
    if (!view) {
      view = {
        applicable: policies.filter((p) => !set.reasons.has(p.name)),
        notApplicable: policies
          .filter((p) => set.reasons.has(p.name))
          .map((p) => ({ name: p.name, reason: set.reasons.get(p.name)! })),
      };
      this.views.set(set, view);
    }
    return view;
  }

  private classify(urn: string, answer: AnalyzeResult): Classified {
    const set =
      answer.notApplicableSet ??
      (answer.notApplicable.length > 0
        ? {
            entries: answer.notApplicable,
            reasons: new Map(answer.notApplicable.map((n) => [n.policyName, n.reason])),
          }
        : undefined);
    const sinks: Sinks = {
      violations: [],
      suppressed: [],
      indeterminate: [],
      notApplicable: new Map(),
    };
    const results = classify(
      this.viewOf(set).applicable,
      urn,
      { diagnostics: answer.diagnostics, notApplicable: [] },
      sinks,
    );
    return {
      results,
      violations: sinks.violations,
      suppressed: sinks.suppressed,
      indeterminate: sinks.indeterminate,
      notApplicable: set,
    };
  }

  async finish(resources: readonly CapturedResource[], stackUrn: string): Promise<Evaluation> {
    await this.whenReady;
    const { pack, info, config } = this.ready!;
    this.started ??= process.hrtime.bigint();
    for (const r of resources) {
      if (!this.classified.has(r.urn)) {
        this.submit(r);
      }
    }
    const resourcePolicies = this.policies!;
    const stackPolicies = info.policies.filter(
      (p) => p.kind === "stack" && config[p.name]?.enforcementLevel !== "disabled",
    );
    const notApplicable = new Map<string, { count: number; reason: string }>();
    const sinks: Sinks = {
      violations: [],
      suppressed: [],
      indeterminate: [],
      notApplicable,
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
    // Not-applicable counts per distinct list, in the order resources were submitted (the first resource a policy
    // does not apply to gives its reason), added up per policy below.
    const listCounts = new Map<NotApplicableSet, number>();
    for (const classified of this.classified.values()) {
      const set = (await classified).notApplicable;
      if (set) {
        const seen = listCounts.get(set);
        if (seen === undefined) {
          for (const { name, reason } of this.viewOf(set).notApplicable) {
            if (!notApplicable.has(name)) {
              notApplicable.set(name, { count: 0, reason });
            }
          }
        }
        listCounts.set(set, (seen ?? 0) + 1);
      }
    }
    for (const [set, n] of listCounts) {
      for (const { name } of this.viewOf(set).notApplicable) {
        notApplicable.get(name)!.count += n;
      }
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
    // In the pack's order of policies, whatever order the answers came in.
    const rank = new Map(info.policies.map((p, i) => [p.name, i]));
    return {
      results,
      notApplicable: [...notApplicable]
        .sort(([a], [b]) => rank.get(a)! - rank.get(b)!)
        .map(([policyName, v]) => ({ policyName, ...v })),
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
