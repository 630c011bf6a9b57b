/**
 * One stack's offline plan, in its own process (the Pulumi runtime's state is process-wide): runs the program
 * under mocks while the policy pack starts, then has the pack analyze every resource and the stack, and writes
 * the outcome as JSON to the file named on the command line.
 */
import * as fs from "fs";
import { PackClient, PackInfo } from "./analyzer";
import { evaluate, Evaluation } from "./evaluate";
import { PlanError } from "./errors";
import { runProgram } from "./program";
import { PolicyConfigFile, readPolicyConfigFile, reconcilePolicyConfig } from "./policy-config";
import { loadProject, loadStackConfig } from "./stack-config";
import { CapturedResource } from "./types";

export interface WorkerRequest {
  readonly programDir: string;
  readonly stack: string;
  readonly packDir: string;
  readonly policyConfigFile?: string;
  readonly resultFile: string;
}

export type WorkerResult =
  | {
      readonly ok: true;
      readonly project: string;
      readonly stack: string;
      readonly stackUrn: string;
      readonly resources: CapturedResource[];
      readonly outputs: Record<string, unknown>;
      readonly pack: PackInfo;
      readonly enforcement: Record<string, string>;
      readonly evaluation: Evaluation;
      readonly placeholders: readonly string[];
      readonly timings: {
        programMs: number;
        analyzeMs: number;
        totalMs: number;
        peakRssBytes: number;
      };
    }
  | { readonly ok: false; readonly kind: PlanError["kind"]; readonly message: string };

/** A progress message to the parent (npm run plan prints it per stack); no-op without an IPC channel. */
export interface WorkerProgress {
  readonly phase: string;
  readonly detail: string;
}

function progress(phase: string, detail: string): void {
  process.send?.({ phase, detail } satisfies WorkerProgress);
}

async function plan(req: WorkerRequest): Promise<WorkerResult> {
  const started = process.hrtime.bigint();
  const ms = (from: bigint) => Number(process.hrtime.bigint() - from) / 1e6;
  const project = loadProject(req.programDir);
  const config = loadStackConfig(project, req.stack);
  const userPolicyConfig: PolicyConfigFile = req.policyConfigFile
    ? readPolicyConfigFile(req.policyConfigFile)
    : {};
  const packStarting = PackClient.start(req.packDir);
  // A failed program must not leave the pack's start-up as an unhandled rejection.
  packStarting.catch(() => undefined);
  let pack: PackClient | undefined;
  try {
    const programStarted = process.hrtime.bigint();
    progress("program", `running ${project.name} under mocks`);
    const run = await runProgram(project, config);
    const programMs = ms(programStarted);
    progress(
      "program",
      `${run.resources.length} resources registered in ${(programMs / 1000).toFixed(1)} s`,
    );
    pack = await packStarting;
    const info = await pack.info();
    progress("policy pack", `${info.name}@${info.version}: ${info.policies.length} policies`);
    const reconciled = reconcilePolicyConfig(info.policies, info.initialConfig, userPolicyConfig);
    await pack.configure(reconciled);
    await pack.configureStack(req.stack, project.name);
    const stackUrn = run.resources.find((r) => r.type === "pulumi:pulumi:Stack")?.urn ?? "";
    progress("analyze", `${run.resources.length} resources and the stack`);
    const evaluation = await evaluate(pack, info, reconciled, run.resources, stackUrn);
    progress(
      "analyze",
      `${evaluation.evaluations} evaluations in ${(evaluation.analyzeMs / 1000).toFixed(1)} s`,
    );
    return {
      ok: true,
      project: project.name,
      stack: req.stack,
      stackUrn,
      resources: run.resources,
      outputs: run.outputs,
      pack: info,
      enforcement: Object.fromEntries(
        Object.entries(reconciled).map(([k, v]) => [k, v.enforcementLevel]),
      ),
      evaluation,
      placeholders: config.placeholders,
      timings: {
        programMs,
        analyzeMs: evaluation.analyzeMs,
        totalMs: ms(started),
        peakRssBytes: process.resourceUsage().maxRSS * 1024,
      },
    };
  } finally {
    pack?.close();
    if (!pack) {
      packStarting.then(
        (p) => p.close(),
        () => undefined,
      );
    }
  }
}

async function main(): Promise<void> {
  const req = JSON.parse(process.argv[2]) as WorkerRequest;
  let result: WorkerResult;
  try {
    result = await plan(req);
  } catch (err) {
    result =
      err instanceof PlanError
        ? { ok: false, kind: err.kind, message: err.message }
        : { ok: false, kind: "program", message: (err as Error).stack ?? String(err) };
  }
  fs.writeFileSync(req.resultFile, JSON.stringify(result));
  // The Pulumi runtime and gRPC keep handles open; the result is written, so leave now.
  process.exit(0);
}

if (require.main === module) {
  void main();
}
