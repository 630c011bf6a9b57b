/**
 * `npm run plan -- [--stack NAME|all] [--program DIR] [--out DIR] [--policy-config FILE] [--policy-pack DIR] [--strict]`
 *
 * The offline plan: runs a Pulumi program per stack under mocks, has the policy pack analyze it as the engine
 * would, prints a preview-like tree and a policy summary, and writes <out>/<stack>/report.json.
 * Exit codes as the Pulumi CLI: 0 no mandatory violation, 5 at least one (or, with --strict, an indeterminate
 * result), 2 usage, configuration or program error.
 */
import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { PlanError, exitCodes } from "./errors";
import { loadProject } from "./stack-config";
import { buildReport, renderPolicies, renderTree, Report } from "./report";
import { readPolicyConfigSwitches } from "./policy-config";
import type { WorkerRequest, WorkerResult } from "./worker";

export interface PlanArgs {
  readonly stack: string;
  readonly program: string;
  readonly out: string;
  readonly policyConfig?: string;
  readonly policyPack: string;
  readonly quiet: boolean;
  /** An indeterminate result (a value unknown during preview) fails the gate like a mandatory violation. */
  readonly strict: boolean;
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
  --strict               an indeterminate result fails the gate too (also "strict": true in the policy config)
  --help                 this text

Exit codes: 0 no mandatory violation, 5 at least one mandatory violation (or, with --strict, an indeterminate
result), 2 usage, configuration or program error.`;

export function parseArgs(argv: readonly string[]): PlanArgs | "help" {
  const values: Record<string, string> = {};
  let quiet = false;
  let strict = false;
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
    if (arg === "--strict") {
      strict = true;
      continue;
    }
    const [flag, inline] = arg.includes("=")
      ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)]
      : [arg, undefined];
    if (!takes.includes(flag)) {
      throw new PlanError(
        "usage",
        `Unknown argument ${JSON.stringify(arg)}; expected one of ${takes.join(", ")}, --quiet, --strict, --help.`,
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
    strict,
  };
}

/** Runs one stack in a worker process and returns its result. */
export function runWorker(req: Omit<WorkerRequest, "resultFile">): Promise<WorkerResult> {
  const resultFile = path.join(
    fs.mkdtempSync(path.join(os.tmpdir(), "mediconnect-plan-")),
    "result.json",
  );
  const worker = path.join(__dirname, "worker.ts");
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ["--require", require.resolve("tsx/cjs"), worker, JSON.stringify({ ...req, resultFile })],
      // The program's own output goes to stderr, so stdout carries only the plan.
      { stdio: ["ignore", process.stderr, process.stderr] },
    );
    child.on("exit", (code, signal) => {
      try {
        resolve(JSON.parse(fs.readFileSync(resultFile, "utf8")) as WorkerResult);
      } catch {
        resolve({
          ok: false,
          kind: "program",
          message: `The plan of stack ${req.stack} stopped without a result (exit ${code ?? signal}).`,
        });
      } finally {
        fs.rmSync(path.dirname(resultFile), { recursive: true, force: true });
      }
    });
  });
}

export interface StackOutcome {
  readonly stack: string;
  readonly report?: Report;
  readonly error?: { kind: string; message: string };
}

export async function plan(
  args: PlanArgs,
  write: (s: string) => void = (s) => process.stdout.write(s),
) {
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

export function exitCodeOf(outcomes: readonly StackOutcome[], strict = false): number {
  if (outcomes.some((o) => o.error)) {
    return exitCodes.usage;
  }
  const failing = (o: StackOutcome) =>
    (o.report?.summary.mandatory ?? 0) > 0 ||
    (strict && (o.report?.summary.indeterminate ?? 0) > 0);
  return outcomes.some(failing) ? exitCodes.policyFailure : exitCodes.ok;
}

/** --strict, or `"strict": true` in the policy configuration file. */
export function isStrict(args: PlanArgs): boolean {
  return (
    args.strict || (args.policyConfig ? readPolicyConfigSwitches(args.policyConfig).strict : false)
  );
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
  try {
    const strict = isStrict(args);
    const outcomes = await plan(args);
    for (const o of outcomes.filter((x) => x.error)) {
      process.stderr.write(
        `error: stack ${o.stack}: ${o.error!.kind} error: ${o.error!.message}\n`,
      );
    }
    const indeterminate = outcomes.reduce((n, o) => n + (o.report?.summary.indeterminate ?? 0), 0);
    if (strict && indeterminate > 0) {
      process.stderr.write(
        `strict: ${indeterminate} indeterminate result(s) fail the gate (values unknown during preview).\n`,
      );
    }
    return exitCodeOf(outcomes, strict);
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
