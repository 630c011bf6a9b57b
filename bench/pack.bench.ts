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
import { TypeDispatcher } from "../policies/lib/dispatch";
import { policies } from "../policies/policies";

/* eslint-disable-next-line @typescript-eslint/no-require-imports */
const { makeAnalyzeRpcFun } = require("@pulumi/policy/server");

type Analyze = (
  call: { request: analyzerpb.AnalyzeRequest },
  cb: (err: unknown, res?: analyzerpb.AnalyzeResponse) => void,
) => void;

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

/** One Analyze call, its answer encoded as the gRPC server sends it to the engine. */
function analyzeOnce(fn: Analyze, request: analyzerpb.AnalyzeRequest): Promise<void> {
  return new Promise((resolve, reject) =>
    fn({ request }, (err, res?: analyzerpb.AnalyzeResponse) => {
      if (err) {
        reject(err);
      } else {
        wireBytes += res!.serializeBinary().length;
        resolve();
      }
    }),
  );
}
let wireBytes = 0;

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

  // What the pack serves (policies/index.ts: the SDK's Analyze dispatched by type), the SDK's own loop over the
  // whole pack (what the pack served before), and the SDK's Analyze over only the policies of the resource's type.
  const served = new TypeDispatcher("bench", "0.0.0", "advisory", policies).analyze as Analyze;
  const sdkLoop = analyzer(resourcePolicies);
  const byType = new Map<string, Analyze>();
  type Samples = { served: number[]; sdkLoop: number[]; own: number[]; policies: number };
  const perType = new Map<string, Samples>();
  const bytes = { served: 0, own: 0 };
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
      const ownPack = byType.get(r.type)!;
      const request = requestOf(r);
      // Warm all three, then interleave so that a slower moment of the host hits them alike.
      for (const fn of [served, sdkLoop, ownPack]) {
        await timeAnalyze(fn, request, 1, 20);
      }
      const entry = perType.get(r.type) ?? {
        served: [],
        sdkLoop: [],
        own: [],
        policies: own.length,
      };
      for (let i = 0; i < 5; i++) {
        let before = wireBytes;
        entry.own.push(await timeAnalyze(ownPack, request, 1, 20));
        bytes.own += wireBytes - before;
        before = wireBytes;
        entry.served.push(await timeAnalyze(served, request, 1, 20));
        bytes.served += wireBytes - before;
        entry.sdkLoop.push(await timeAnalyze(sdkLoop, request, 1, 20));
      }
      perType.set(r.type, entry);
    }
  }
  const ratios: number[] = [];
  const loopRatios: number[] = [];
  for (const [type, t] of [...perType].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const f = median(t.served);
    const o = median(t.own);
    const l = median(t.sdkLoop);
    ratios.push(f / o);
    loopRatios.push(l / o);
    rows.push({
      measure: `${type} (${t.policies} of ${resourcePolicies.length} policies apply)`,
      value: `${f.toFixed(0)} us pack / ${o.toFixed(0)} us own type = ${(f / o).toFixed(2)}x (SDK loop over the whole pack: ${l.toFixed(0)} us)`,
    });
  }
  const calls = [...perType.values()].reduce((n, t) => n + t.own.length * 20, 0);
  rows.splice(
    3,
    0,
    {
      measure: `time per resource, pack as served / own-type pack (median over ${perType.size} types)`,
      value: `${median(ratios).toFixed(2)}x (max ${Math.max(...ratios).toFixed(2)}x)`,
    },
    {
      measure: "the same with the SDK's loop over the whole pack (the pack before type dispatch)",
      value: `${median(loopRatios).toFixed(2)}x (max ${Math.max(...loopRatios).toFixed(2)}x)`,
    },
    {
      measure: "answer size per resource, pack as served / own-type pack (bytes)",
      value: `${Math.round(bytes.served / calls)} / ${Math.round(bytes.own / calls)}`,
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
      "timing: one Analyze call per resource of the fixed variants, its answer encoded for the wire; 5 interleaved rounds of 20 calls each, median",
      "pack as served: policies/lib/dispatch.ts runs @pulumi/policy's own Analyze over the policies of the resource's type and appends the not-applicable entries of the other policies, built once per type; own-type pack: the SDK's Analyze over only that type's policies",
      "the answer still names every policy of another type as not applicable (the engine's protocol); the pack encodes that list once per type and copies its bytes into each answer, and that copy, which grows with the pack (about 130 bytes per policy), is what a resource still pays beyond its own type's policies",
    ],
  };
}
