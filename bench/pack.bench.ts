/**
 * The pack on programs it was not written against (fixtures/policy-corpus): the catch rate on the flawed
 * variants and the false alarms on the fixed ones; and what a resource pays: the time to analyze one resource
 * with the whole pack next to a pack of only the policies of that resource's type, both through @pulumi/policy's
 * own Analyze function (makeAnalyzeRpcFun), in the same run and interleaved.
 */
import type { ResourceValidationPolicy } from "@pulumi/policy";
import * as analyzerpb from "@pulumi/pulumi/proto/analyzer_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import {
  CorpusResource,
  evaluateCorpus,
  independentCorpusDir,
  loadCorpus,
  policiesByType,
  resourcePolicies,
} from "../fixtures/policy-corpus";
import { BenchResult, Cell, median } from "./lib";

/* eslint-disable-next-line @typescript-eslint/no-require-imports */
const { makeAnalyzeRpcFun } = require("@pulumi/policy/server");

type Analyze = (call: { request: analyzerpb.AnalyzeRequest }, cb: (err: unknown) => void) => void;

function analyzer(policies: readonly ResourceValidationPolicy[]): Analyze {
  return makeAnalyzeRpcFun("bench", "0.0.0", "advisory", policies);
}

function requestOf(r: CorpusResource): analyzerpb.AnalyzeRequest {
  const req = new analyzerpb.AnalyzeRequest();
  req.setType(r.type);
  req.setUrn(`urn:pulumi:bench::corpus::${r.type}::${r.name}`);
  req.setName(r.name);

  req.setProperties(Struct.fromJavaScript(r.props as any));
  // The engine always sends resource options; the SDK refuses a request without them.
  req.setOptions(new analyzerpb.AnalyzerResourceOptions());
  return req;
}

function analyzeOnce(fn: Analyze, request: analyzerpb.AnalyzeRequest): Promise<void> {
  return new Promise((resolve, reject) =>
    fn({ request }, (err) => (err ? reject(err) : resolve())),
  );
}

/** Median microseconds per Analyze call over `rounds` rounds of `calls` calls. */
async function timeAnalyze(
  fn: Analyze,
  request: analyzerpb.AnalyzeRequest,
  rounds: number,
  calls: number,
) {
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const started = process.hrtime.bigint();
    for (let j = 0; j < calls; j++) {
      await analyzeOnce(fn, request);
    }
    samples.push(Number(process.hrtime.bigint() - started) / 1e3 / calls);
  }
  return median(samples);
}

export async function run(): Promise<BenchResult> {
  const pairs = loadCorpus();
  const started = process.hrtime.bigint();
  const summary = await evaluateCorpus(pairs);
  const corpusMs = Number(process.hrtime.bigint() - started) / 1e6;
  const independent = await evaluateCorpus(loadCorpus(independentCorpusDir));
  const rows: Record<string, Cell>[] = [
    {
      measure: "corpus catch rate (flawed variants with a finding the fixed one lacks)",
      value: `${summary.caught}/${summary.pairs} = ${(summary.catchRate * 100).toFixed(1)} %`,
    },
    {
      measure: "false alarms on the fixed variants",
      value: summary.falseAlarms.reduce((n, f) => n + f.findings.length, 0),
    },
    { measure: "corpus evaluation, whole pack (ms)", value: Math.round(corpusMs) },
  ];

  const full = analyzer(resourcePolicies);
  const byType = new Map<string, Analyze>();
  const perType = new Map<string, { full: number[]; own: number[]; policies: number }>();
  const seen = new Set<string>();
  for (const pair of pairs) {
    for (const r of pair.fixed) {
      if (seen.has(`${r.type}|${r.name}`) || r.type.startsWith("pulumi:providers:")) {
        continue;
      }
      seen.add(`${r.type}|${r.name}`);
      const own = policiesByType.get(r.type) ?? [];
      if (!byType.has(r.type)) {
        byType.set(r.type, analyzer(own));
      }
      const request = requestOf(r);
      // Warm both, then interleave so that a slower moment of the host hits both alike.
      await timeAnalyze(full, request, 1, 20);
      await timeAnalyze(byType.get(r.type)!, request, 1, 20);
      const entry = perType.get(r.type) ?? { full: [], own: [], policies: own.length };
      for (let i = 0; i < 5; i++) {
        entry.own.push(await timeAnalyze(byType.get(r.type)!, request, 1, 20));
        entry.full.push(await timeAnalyze(full, request, 1, 20));
      }
      perType.set(r.type, entry);
    }
  }
  const ratios: number[] = [];
  const perOtherPolicy: number[] = [];
  for (const [type, t] of [...perType].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const f = median(t.full);
    const o = median(t.own);
    ratios.push(f / o);
    perOtherPolicy.push((f - o) / (resourcePolicies.length - t.policies));
    rows.push({
      measure: `${type} (${t.policies} of ${resourcePolicies.length} policies apply)`,
      value: `${f.toFixed(0)} us full pack / ${o.toFixed(0)} us own type = ${(f / o).toFixed(2)}x`,
    });
  }
  rows.splice(
    3,
    0,
    {
      measure: `time per resource, full pack / own-type pack (median over ${perType.size} types)`,
      value: `${median(ratios).toFixed(2)}x (max ${Math.max(...ratios).toFixed(2)}x)`,
    },
    {
      measure: "cost of each policy of another type, per resource (median)",
      value: `${median(perOtherPolicy).toFixed(2)} us`,
    },
  );
  // The independent corpus' rows go right after the existing corpus' two rows.
  rows.splice(
    2,
    0,
    {
      measure: "independent corpus catch rate (written blind from the external catalogs)",
      value: `${independent.caught}/${independent.pairs} = ${(independent.catchRate * 100).toFixed(1)} %`,
    },
    {
      measure: "false alarms on the independent corpus' fixed variants",
      value: independent.falseAlarms.reduce((n, f) => n + f.findings.length, 0),
    },
  );
  return {
    title: "policy pack on the corpus: catch rate, false alarms, cost per resource",
    rows,
    notes: [
      ...(summary.missed.length > 0 ? [`missed: ${summary.missed.join(", ")}`] : []),
      ...summary.falseAlarms.map(
        (f) => `false alarm in ${f.id}: ${f.findings.map((x) => x.policy).join(", ")}`,
      ),
      ...(independent.missed.length > 0
        ? [`independent corpus missed: ${independent.missed.join(", ")}`]
        : []),
      ...independent.falseAlarms.map(
        (f) =>
          `independent corpus false alarm in ${f.id}: ${f.findings.map((x) => x.policy).join(", ")}`,
      ),
      "timing: @pulumi/policy's Analyze (makeAnalyzeRpcFun) per resource of the fixed variants, 5 interleaved rounds of 20 calls each, median",
      "every policy of the pack carries its type token, so no policy code runs for another type's resource; the remaining cost is @pulumi/policy's Analyze itself, which builds one PolicyNotApplicable protobuf message per policy of another type for every resource (the protocol's not-applicable list)",
    ],
  };
}
