/**
 * One stack's offline plan, in its own process (the Pulumi runtime's state is process-wide): starts the policy pack,
 * runs the program under mocks while the pack analyzes each resource as it is registered, then the stack, and
 * sends the outcome to the parent over the IPC channel it was started with (no file: a result holds the program's
 * inputs, secrets included, and must not be left on disk by an interrupted run).
 */
import * as path from "path";
import { PackClient, PackInfo } from "./analyzer";
import { programPackages } from "./packages";
import { Evaluation, StreamingEvaluation } from "./evaluate";
import { PlanError } from "./errors";
import { runProgram } from "./program";
import { PolicyConfigFile, readPolicyConfigFile, reconcilePolicyConfig } from "./policy-config";
import { loadProject, loadStackConfig } from "./stack-config";
import { CapturedResource } from "./types";
import { typeCheck } from "./typecheck";

export interface WorkerRequest {
  readonly programDir: string;
  readonly stack: string;
  readonly packDir: string;
  readonly policyConfigFile?: string;
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

/** A progress message to the parent (npm run plan prints it per stack); results are the other messages. */
export interface WorkerProgress {
  readonly phase: string;
  readonly detail: string;
}

function progress(phase: string, detail: string): void {
  process.send?.({ phase, detail } satisfies WorkerProgress);
}

let stopPack: () => void = () => undefined;

async function plan(req: WorkerRequest): Promise<WorkerResult> {
  const started = process.hrtime.bigint();
  const ms = (from: bigint) => Number(process.hrtime.bigint() - from) / 1e6;
  const project = loadProject(req.programDir);
  const config = loadStackConfig(project, req.stack);
  const userPolicyConfig: PolicyConfigFile = req.policyConfigFile
    ? readPolicyConfigFile(req.policyConfigFile)
    : {};
  // Packages the program pins but has not installed stop the plan before anything starts.
  programPackages(project.dir, path.resolve(__dirname, ".."));
  const checking = typeCheck(project);
  checking.catch(() => undefined);
  const pack = PackClient.spawn(req.packDir, { background: true });
  stopPack = pack.kill;
  const ready = pack.client.then(async (client) => {
    const info = await client.info();
    const reconciled = reconcilePolicyConfig(info.policies, info.initialConfig, userPolicyConfig);
    await client.configure(reconciled);
    await client.configureStack(req.stack, project.name);
    return { pack: client, info, config: reconciled };
  });
  // A failed program must not leave the pack's start-up as an unhandled rejection.
  ready.catch(() => undefined);
  const streaming = new StreamingEvaluation(ready);
  try {
    const programStarted = process.hrtime.bigint();
    // A TypeScript error stops the plan as it stops `pulumi preview`, before any of the program's results count.
    // Only the program (and the TypeScript check) may keep this process alive while the program runs: with the
    // parent's IPC channel and the pack unreferenced, a program waiting on something that never settles leaves
    // nothing to run, which `runProgram` reports as a stall instead of waiting forever.
    const channel = (process as { channel?: { ref(): void; unref(): void } }).channel;
    channel?.unref();
    progress(
      "program",
      `running ${project.name} under mocks, the pack analyzing as resources register`,
    );
    const [ran, checked] = await Promise.allSettled([
      runProgram(project, config, { onResource: (r) => streaming.submit(r) }),
      checking,
    ]);
    channel?.ref();
    if (checked.status === "rejected") {
      throw checked.reason;
    }
    if (ran.status === "rejected") {
      throw ran.reason;
    }
    const run = ran.value;
    const programMs = ms(programStarted);
    progress(
      "program",
      `${run.resources.length} resources registered in ${(programMs / 1000).toFixed(1)} s`,
    );
    pack.ref();
    const { info, config: reconciled } = await ready;
    progress("policy pack", `${info.name}@${info.version}: ${info.policies.length} policies`);
    const stackUrn = run.resources.find((r) => r.type === "pulumi:pulumi:Stack")?.urn ?? "";
    progress("analyze", `${run.resources.length} resources and the stack`);
    const evaluation = await streaming.finish(run.resources, stackUrn);
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
    pack.kill();
  }
}

/** Leaves now, without the SDK's exit-time "promises were still active" report (a plan's own result says it all). */
function leave(code: number): never {
  stopPack();
  process.removeAllListeners("exit");
  process.exit(code);
}

async function main(): Promise<void> {
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => leave(130));
  }
  // The parent is gone (it was interrupted or killed): nothing would read the result.
  process.on("disconnect", () => leave(130));
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
  if (!process.send) {
    process.stderr.write("The plan worker must be started by the plan CLI, with an IPC channel.\n");
    leave(2);
  }
  // The Pulumi runtime and gRPC keep handles open; the result is sent, so leave now.
  process.send(result, undefined, {}, () => leave(0));
}

if (require.main === module) {
  void main();
}
