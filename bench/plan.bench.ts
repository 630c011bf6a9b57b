/**
 * What the offline plan costs per stack: resources, wall time, peak memory of the plan process, and policy
 * evaluations per second through the pack's analyzer server. Median of three runs per stack.
 */
import * as path from "path";
import { runWorker } from "../compliance/cli";
import { loadProject } from "../compliance/stack-config";
import { BenchResult } from "./lib";

const root = path.resolve(__dirname, "..");
const runs = 3;

export async function run(): Promise<BenchResult> {
  const rows = [];
  for (const stack of loadProject(root).stacks) {
    const samples = [];
    for (let i = 0; i < runs; i++) {
      const started = process.hrtime.bigint();
      const result = await runWorker({
        programDir: root,
        stack,
        packDir: path.join(root, "policies"),
      });
      if (!result.ok) {
        throw new Error(`plan of ${stack} failed: ${result.message}`);
      }
      samples.push({ wallMs: Number(process.hrtime.bigint() - started) / 1e6, result });
    }
    samples.sort((a, b) => a.wallMs - b.wallMs);
    const median = samples[Math.floor(runs / 2)];
    const r = median.result;
    rows.push({
      stack,
      resources: r.resources.length,
      "wall s": median.wallMs / 1000,
      "program s": r.timings.programMs / 1000,
      "policy s": r.timings.analyzeMs / 1000,
      "peak RSS MiB": r.timings.peakRssBytes / 2 ** 20,
      evaluations: r.evaluation.evaluations,
      "evaluations/s": r.evaluation.evaluations / (r.timings.analyzeMs / 1000),
    });
  }
  return {
    title: `offline plan per stack (median of ${runs} runs; wall time includes process start, program, pack start and analysis)`,
    rows,
    notes: [
      "evaluations = resources x enabled resource policies + stack policies, answered by the pack over gRPC as under the CLI",
      "peak RSS is the plan process's (program + mocks); the pack runs in its own process",
    ],
  };
}
