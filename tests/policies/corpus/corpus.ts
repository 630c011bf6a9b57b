/**
 * The flawed/fixed program corpus (tests/fixtures/policy-corpus): each pair is a small program, a well-configured
 * resource (with the providers it needs) and the same program with one planted flaw, written from an external
 * catalog (CIS, AWS FSBP, cdk-nag HIPAA, Checkov, the GCP and Azure baselines). Every resource is evaluated by
 * every resource policy of the pack that applies to its type, and the stack policies a pair names, exactly as the
 * analyzer runs them (tests/policies/harness.ts).
 */
import * as fs from "fs";
import * as path from "path";
import type { ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { policies } from "../../../policies/policies";
import { checkResource, checkStack, TestResource } from "../harness";

/* eslint-disable-next-line @typescript-eslint/no-require-imports */
const { getPulumiType } = require("@pulumi/policy/policy");

export const corpusDir = path.resolve(__dirname, "../../fixtures/policy-corpus");

export interface CorpusResource {
  readonly type: string;
  readonly name: string;
  readonly props: Record<string, unknown>;
}

export interface CorpusPair {
  readonly id: string;
  readonly source: string;
  readonly flaw: string;
  readonly stackPolicies?: string[];
  readonly fixed: CorpusResource[];
  readonly flawed: CorpusResource[];
}

export function loadCorpus(): CorpusPair[] {
  return fs
    .readdirSync(corpusDir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => JSON.parse(fs.readFileSync(path.join(corpusDir, f), "utf8")) as CorpusPair);
}

export const resourcePolicies = policies.filter(
  (p): p is ResourceValidationPolicy => "validateResource" in p,
);
const stackPolicies = policies.filter((p): p is StackValidationPolicy => "validateStack" in p);

/** The pack's resource policies by the type token they apply to. */
export const policiesByType = new Map<string, ResourceValidationPolicy[]>();
for (const p of resourcePolicies) {
  const type: string = getPulumiType(p.validateResource);
  policiesByType.set(type, [...(policiesByType.get(type) ?? []), p]);
}

export interface Finding {
  readonly policy: string;
  readonly resource: string;
  readonly message: string;
}

function asTest(r: CorpusResource): TestResource {
  return { type: r.type, name: r.name, props: r.props };
}

/** Every finding the pack reports on a program (resource policies of each type, and the named stack policies). */
export async function findings(
  program: readonly CorpusResource[],
  stackNames: readonly string[] = [],
): Promise<Finding[]> {
  const out: Finding[] = [];
  for (const r of program) {
    for (const p of policiesByType.get(r.type) ?? []) {
      const result = await checkResource(p, asTest(r));
      out.push(
        ...result.violations.map((message) => ({ policy: p.name, resource: r.name, message })),
      );
    }
  }
  for (const name of stackNames) {
    const p = stackPolicies.find((s) => s.name === name);
    if (p === undefined) {
      throw new Error(`corpus: unknown stack policy ${name}`);
    }
    const result = await checkStack(p, program.map(asTest));
    out.push(
      ...result.byUrn.map((v) => ({
        policy: p.name,
        resource: v.urn.split("::").pop() ?? "",
        message: v.message,
      })),
    );
  }
  return out;
}

export interface PairOutcome {
  readonly id: string;
  /** Findings on the flawed program that the fixed one does not have. */
  readonly caught: Finding[];
  /** Findings on the fixed program (false alarms). */
  readonly falseAlarms: Finding[];
}

export async function evaluatePair(pair: CorpusPair): Promise<PairOutcome> {
  const fixed = await findings(pair.fixed, pair.stackPolicies);
  const flawed = await findings(pair.flawed, pair.stackPolicies);
  const key = (f: Finding) => `${f.policy}|${f.resource}|${f.message}`;
  const before = new Set(fixed.map(key));
  return { id: pair.id, caught: flawed.filter((f) => !before.has(key(f))), falseAlarms: fixed };
}

export interface CorpusSummary {
  readonly pairs: number;
  readonly caught: number;
  readonly missed: string[];
  readonly falseAlarms: { id: string; findings: Finding[] }[];
  readonly catchRate: number;
}

export async function evaluateCorpus(
  pairs: readonly CorpusPair[] = loadCorpus(),
): Promise<CorpusSummary> {
  const outcomes = [];
  for (const pair of pairs) {
    outcomes.push(await evaluatePair(pair));
  }
  const caught = outcomes.filter((o) => o.caught.length > 0).length;
  return {
    pairs: outcomes.length,
    caught,
    missed: outcomes.filter((o) => o.caught.length === 0).map((o) => o.id),
    falseAlarms: outcomes
      .filter((o) => o.falseAlarms.length > 0)
      .map((o) => ({ id: o.id, findings: o.falseAlarms })),
    catchRate: outcomes.length === 0 ? 0 : caught / outcomes.length,
  };
}
