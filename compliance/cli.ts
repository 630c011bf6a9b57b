/**
 * `npm run plan -- [--stack NAME|all] [--program DIR] [--out DIR] [--policy-config FILE] [--policy-pack DIR]`
 *
 * The offline plan: runs a Pulumi program per stack under mocks, has the policy pack analyze it as the engine
 * would, prints a preview-like tree and a policy summary, and writes <out>/<stack>/report.json.
 * Exit codes as the Pulumi CLI: 0 no mandatory violation, 5 at least one, 2 usage, configuration or program error.
 */
import { ChildProcess, spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { PlanError, exitCodes } from "./errors";
import { loadProject } from "./stack-config";
import { buildReport, renderPolicies, renderTree, Report } from "./report";
import type { WorkerRequest, WorkerResult } from "./worker";

export interface PlanArgs {
  readonly stack: string;
  readonly program: string;
  readonly out: string;
  readonly policyConfig?: string;
  readonly policyPack: string;
  readonly quiet: boolean;
}

const projectRoot = path.resolve(__dirname, "..");

export const usage = `Usage: npm run plan -- [options]

Runs a Pulumi TypeScript program offline under mocks, evaluates the policy pack on it as the Pulumi engine
does, prints the resource tree and a policy summary, and writes <out>/<stack>/report.json.

Options:
  --stack NAME|all       stack to plan (Pulumi.NAME.yaml); default: all stacks of the program
  --program DIR          program directory holding Pulumi.yaml; default: this project
  --out DIR              where reports go; default: reports
  --policy-config FILE   policy configuration, the file format of pulumi preview --policy-pack-config
  --policy-pack DIR      policy pack directory; default: this project's policies/
  --quiet                print only the policy summary
  --help                 this text

Exit codes: 0 no mandatory violation, 5 at least one mandatory violation, 2 usage, configuration or program error.`;

export function parseArgs(argv: readonly string[]): PlanArgs | "help" {
  const values: Record<string, string> = {};
  let quiet = false;
  const takes = ["--stack", "--program", "--out", "--policy-config", "--policy-pack"];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--help" || arg === "-h") {
      return "help";
    }
    if (arg === "--quiet") {
      quiet = true;
      continue;
    }
    const [flag, inline] = arg.includes("=")
      ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)]
      : [arg, undefined];
    if (!takes.includes(flag)) {
      throw new PlanError(
        "usage",
        `Unknown argument ${JSON.stringify(arg)}; expected one of ${takes.join(", ")}, --quiet, --help.`,
      );
    }
    const value = inline ?? argv[++i];
    if (value === undefined || value === "" || value.startsWith("--")) {
      throw new PlanError(
        "usage",
        `${flag} needs a value (received ${JSON.stringify(value ?? null)}).`,
      );
    }
    values[flag] = value;
  }
  return {
    stack: values["--stack"] ?? "all",
    program: path.resolve(values["--program"] ?? projectRoot),
    out: path.resolve(values["--out"] ?? "reports"),
    policyConfig: values["--policy-config"] ? path.resolve(values["--policy-config"]) : undefined,
    policyPack: path.resolve(values["--policy-pack"] ?? path.join(projectRoot, "policies")),
    quiet,
  };
}

// --- issue 17: worker transport, --out check, interruption (begin) ---
const workers = new Set<ChildProcess>();

/**
 * Runs one stack in a worker process and returns its result, received over the worker's IPC channel (no temporary
 * file: a result holds the program's inputs, secrets included).
 */
export function runWorker(
  req: WorkerRequest,
  env: Readonly<Record<string, string>> = {},
): Promise<WorkerResult> {
  const worker = path.join(__dirname, "worker.ts");
  return new Promise((resolve) => {
    let result: WorkerResult | undefined;
    const child = spawn(
      process.execPath,
      ["--require", require.resolve("tsx/cjs"), worker, JSON.stringify(req)],
      // The program's own output goes to stderr, so stdout carries only the plan.
      {
        stdio: ["ignore", process.stderr, process.stderr, "ipc"],
        serialization: "advanced",
        env: { ...process.env, ...env },
      },
    );
    workers.add(child);
    child.on("message", (m) => (result = m as WorkerResult));
    child.on("exit", (code, signal) => {
      workers.delete(child);
      resolve(
        result ?? {
          ok: false,
          kind: "program",
          message: `The plan of stack ${req.stack} stopped without a result (exit ${code ?? signal}).`,
        },
      );
    });
  });
}

/** Fails fast, before any work, when `--out` cannot take reports: a file in the way, no permission, /proc. */
export function checkOut(out: string): void {
  const fail = (why: string) => {
    throw new PlanError("usage", `--out ${out}: ${why}; expected a writable directory.`);
  };
  if (/^\/(proc|sys)(\/|$)/.test(out)) {
    fail("it is under a kernel pseudo-filesystem");
  }
  let existing = out;
  while (!fs.existsSync(existing)) {
    const parent = path.dirname(existing);
    if (parent === existing) {
      break;
    }
    existing = parent;
  }
  if (!fs.statSync(existing).isDirectory()) {
    fail(`${existing === out ? "it" : existing} is a file, not a directory`);
  }
  try {
    fs.mkdirSync(out, { recursive: true });
    const probe = path.join(out, `.plan-write-check-${process.pid}`);
    fs.writeFileSync(probe, "");
    fs.rmSync(probe, { force: true });
  } catch (err) {
    fail(`it cannot be written (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
}

/** Ctrl-C or a kill: stop the workers (each stops its pack) and leave no half-written report behind. */
function onInterrupt(out: string | undefined, signal: NodeJS.Signals): void {
  for (const w of workers) {
    w.kill(signal);
  }
  if (out && fs.existsSync(out)) {
    for (const stack of fs.readdirSync(out)) {
      fs.rmSync(path.join(out, stack, "report.json.tmp"), { force: true });
    }
  }
  process.stderr.write(`\nerror: interrupted (${signal}); no report was left half-written.\n`);
  process.exit(130);
}
// --- issue 17 (end) ---

export interface StackOutcome {
  readonly stack: string;
  readonly report?: Report;
  readonly error?: { kind: string; message: string };
}

export async function plan(
  args: PlanArgs,
  write: (s: string) => void = (s) => process.stdout.write(s),
) {
  checkOut(args.out);
  const project = loadProject(args.program);
  if (args.stack !== "all" && !project.stacks.includes(args.stack)) {
    throw new PlanError(
      "usage",
      `--stack ${args.stack}: no Pulumi.${args.stack}.yaml in ${project.dir}; expected one of ${project.stacks.join(", ") || "(none)"} or all.`,
    );
  }
  const stacks = args.stack === "all" ? [...project.stacks] : [args.stack];
  if (stacks.length === 0) {
    throw new PlanError(
      "usage",
      `${project.dir} has no Pulumi.<stack>.yaml; create one with \`pulumi stack init\`.`,
    );
  }
  const concurrency = Math.max(1, Math.min(stacks.length, os.cpus().length));
  const outcomes: StackOutcome[] = new Array(stacks.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < stacks.length) {
        const i = next++;
        const stack = stacks[i];
        const result = await runWorker({
          programDir: project.dir,
          stack,
          packDir: args.policyPack,
          policyConfigFile: args.policyConfig,
        });
        if (!result.ok) {
          outcomes[i] = { stack, error: { kind: result.kind, message: result.message } };
          continue;
        }
        const report = buildReport(result, new Date());
        const dir = path.join(args.out, stack);
        fs.mkdirSync(dir, { recursive: true });
        // Written whole to a temporary file, then renamed: a reader never sees half a report.
        const file = path.join(dir, "report.json");
        fs.writeFileSync(`${file}.tmp`, JSON.stringify(report, null, 2) + "\n");
        fs.renameSync(`${file}.tmp`, file);
        outcomes[i] = { stack, report };
        const tree = args.quiet ? "" : `${renderTree(result, report)}\n\n`;
        write(
          `Previewing ${project.name}/${stack} offline (mocks, no cloud calls)\n\n${tree}${renderPolicies(report)}\n` +
            `Report: ${path.relative(process.cwd(), file)}\n\n`,
        );
      }
    }),
  );
  return outcomes;
}

export function exitCodeOf(outcomes: readonly StackOutcome[]): number {
  if (outcomes.some((o) => o.error)) {
    return exitCodes.usage;
  }
  return outcomes.some((o) => (o.report?.summary.mandatory ?? 0) > 0)
    ? exitCodes.policyFailure
    : exitCodes.ok;
}

async function main(): Promise<number> {
  let args: PlanArgs | "help";
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`error: ${(err as Error).message}\n\n${usage}\n`);
    return exitCodes.usage;
  }
  if (args === "help") {
    process.stdout.write(`${usage}\n`);
    return exitCodes.ok;
  }
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => onInterrupt((args as PlanArgs).out, signal));
  }
  try {
    const outcomes = await plan(args);
    for (const o of outcomes.filter((x) => x.error)) {
      process.stderr.write(
        `error: stack ${o.stack}: ${o.error!.kind} error: ${o.error!.message}\n`,
      );
    }
    return exitCodeOf(outcomes);
  } catch (err) {
    if (err instanceof PlanError) {
      process.stderr.write(`error: ${err.kind} error: ${err.message}\n`);
      return exitCodes.usage;
    }
    throw err;
  }
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (err) => {
      process.stderr.write(`error: ${(err as Error).stack ?? err}\n`);
      process.exit(exitCodes.usage);
    },
  );
}
