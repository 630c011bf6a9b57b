/**
 * What the policy pack costs: per resource policy, the median microseconds to evaluate one resource of its type
 * (in process, as the analyzer calls it), using the resources of the platform's own stacks; and the whole pack's
 * time per stack through the analyzer gRPC server.
 */
import * as path from "path";
import type { ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { runWorker } from "../compliance/cli";
import { loadProject } from "../compliance/stack-config";
import { policies } from "../policies/policies";
import { checkResource, checkStack, TestResource } from "../fixtures/policy-harness";
import { BenchResult, median } from "./lib";

/* eslint-disable-next-line @typescript-eslint/no-require-imports */
const { getPulumiType } = require("@pulumi/policy/policy");

const root = path.resolve(__dirname, "..");
const iterations = 200;

export async function run(): Promise<BenchResult> {
  const rows = [];
  const resources: TestResource[] = [];
  for (const stack of loadProject(root).stacks) {
    const result = await runWorker({
      programDir: root,
      stack,
      packDir: path.join(root, "policies"),
    });
    if (!result.ok) {
      throw new Error(`plan of ${stack} failed: ${result.message}`);
    }
    rows.push({
      measure: `whole pack, stack ${stack} (gRPC)`,
      resources: result.resources.length,
      evaluations: result.evaluation.evaluations,
      "median us":
        (result.evaluation.analyzeMs * 1000) / Math.max(1, result.evaluation.evaluations),
      "total ms": result.evaluation.analyzeMs,
    });
    resources.push(
      ...result.resources.map((r) => ({ type: r.type, name: r.name, urn: r.urn, props: r.inputs })),
    );
  }

  const perPolicy: number[] = [];
  let evaluated = 0;
  for (const p of policies.filter((x): x is ResourceValidationPolicy => "validateResource" in x)) {
    const type = Array.isArray(p.validateResource) ? undefined : getPulumiType(p.validateResource);
    const subjects = resources.filter((r) => type === undefined || r.type === type);
    if (subjects.length === 0) {
      continue;
    }
    evaluated++;
    const started = process.hrtime.bigint();
    for (let i = 0; i < iterations; i++) {
      for (const r of subjects) {
        await checkResource(p, r);
      }
    }
    perPolicy.push(
      Number(process.hrtime.bigint() - started) / 1e3 / (iterations * subjects.length),
    );
  }
  rows.push({
    measure: `resource policy on one resource (in process, ${evaluated} policies with a subject)`,
    resources: resources.length,
    evaluations: perPolicy.length * iterations,
    "median us": median(perPolicy),
    "total ms": perPolicy.reduce((a, b) => a + b, 0) / 1000,
  });

  const stackTimes: number[] = [];
  for (const p of policies.filter((x): x is StackValidationPolicy => "validateStack" in x)) {
    const started = process.hrtime.bigint();
    for (let i = 0; i < 20; i++) {
      await checkStack(p, resources);
    }
    stackTimes.push(Number(process.hrtime.bigint() - started) / 1e3 / 20);
  }
  rows.push({
    measure: `stack policy over all ${resources.length} resources (in process)`,
    resources: resources.length,
    evaluations: stackTimes.length * 20,
    "median us": median(stackTimes),
    "total ms": stackTimes.reduce((a, b) => a + b, 0) / 1000,
  });
  return {
    title: "policy evaluation cost",
    rows,
    notes: [
      "in-process figures include deserialising the properties from a protobuf Struct and the unknown-value proxy, as the analyzer does",
      "the gRPC figure is the whole Analyze/AnalyzeStack round trip per evaluation, divided evenly",
    ],
  };
}
