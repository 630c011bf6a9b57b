/**
 * What the offline plan costs, as ratios taken in one run (so a busy host weighs on both sides alike):
 *  - the plan of a 1,201-resource program against the plan of a 1-resource program (target: at most 1.6x);
 *  - peak memory of the plan process at 1,200 resources (target: at most 400 MB);
 *  - the eu stack's plan against cdk-nag 3.0.2's HIPAA Security check of the same AWS slice at synth
 *    (bench/cdk-nag/app.js; target: the plan no slower).
 * Each figure is the median of three runs of the whole thing a person runs (process start included); plans use
 * the same worker `npm run plan` uses, with the pack answering over its gRPC analyzer interface. The TypeScript
 * check runs once first, so its cache is warm, as for anyone planning a program twice; one more run of each plan
 * with the check's cache removed first (as after editing the program) gives the cold figures, reported beside.
 * Also every stack of this program, as before.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runWorker } from "../compliance/cli";
import { loadProject } from "../compliance/stack-config";
import { forgetTypeCheck } from "../compliance/typecheck";
import type { WorkerResult } from "../compliance/worker";
import { BenchResult } from "./lib";

const root = path.resolve(__dirname, "..");
const scale = path.join(root, "tests/fixtures/programs/scale");
const cdkDir = path.join(__dirname, "cdk-nag");
const runs = 3;

type Ok = Extract<WorkerResult, { ok: true }>;

async function planOnce(programDir: string, stack: string): Promise<{ wallMs: number; r: Ok }> {
  const started = process.hrtime.bigint();
  const r = await runWorker({ programDir, stack, packDir: path.join(root, "policies") });
  if (!r.ok) {
    throw new Error(`plan of ${programDir} ${stack} failed: ${r.message}`);
  }
  return { wallMs: Number(process.hrtime.bigint() - started) / 1e6, r };
}

/** One plan with the program's TypeScript check not remembered (the first plan after an edit). */
async function planCold(programDir: string, stack: string) {
  forgetTypeCheck(loadProject(programDir));
  return planOnce(programDir, stack);
}

async function planMedian(programDir: string, stack: string) {
  await planOnce(programDir, stack); // warms the TypeScript check's cache and the OS file cache
  const samples = [];
  for (let i = 0; i < runs; i++) {
    samples.push(await planOnce(programDir, stack));
  }
  samples.sort((a, b) => a.wallMs - b.wallMs);
  return {
    ...samples[Math.floor(runs / 2)],
    peakRssBytes: Math.max(...samples.map((s) => s.r.timings.peakRssBytes)),
  };
}

/** Installs the CDK slice's own packages on first use (bench/cdk-nag/node_modules, not the main install). */
function ensureCdkInstalled(): void {
  if (fs.existsSync(path.join(cdkDir, "node_modules", "cdk-nag", "package.json"))) {
    return;
  }
  console.log(
    "bench: installing bench/cdk-nag (aws-cdk-lib, cdk-nag 3.0.2, constructs) on first use ...",
  );
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const res = spawnSync(npm, ["install", "--no-audit", "--no-fund", "--loglevel=error"], {
    cwd: cdkDir,
    stdio: "inherit",
  });
  if (res.status !== 0) {
    throw new Error(
      `npm install in ${cdkDir} failed (exit ${res.status}); the cdk-nag comparison needs it.`,
    );
  }
}

function cdkNagOnce(): { wallMs: number; resources: number; findings: number; synthMs: number } {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "cdk-nag-bench-"));
  try {
    const started = process.hrtime.bigint();
    const res = spawnSync(process.execPath, [path.join(cdkDir, "app.js"), out], {
      cwd: cdkDir,
      encoding: "utf8",
    });
    const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
    if (res.status !== 0) {
      throw new Error(`the CDK slice failed (exit ${res.status}): ${res.stderr.slice(-2000)}`);
    }
    const last = JSON.parse(res.stdout.trim().split("\n").pop()!);
    // cdk-nag reports each finding through CDK's validation report, on stderr.
    const findings = (res.stderr.match(/Acknowledge with 'HIPAA\.Security::/g) ?? []).length;
    return { wallMs, resources: last.resources, findings, synthMs: last.synthMs };
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}

function cdkNagMedian() {
  ensureCdkInstalled();
  cdkNagOnce();
  const samples = Array.from({ length: runs }, () => cdkNagOnce()).sort(
    (a, b) => a.wallMs - b.wallMs,
  );
  return samples[Math.floor(runs / 2)];
}

const mib = (bytes: number) => bytes / 2 ** 20;
const awsResources = (r: Ok) => r.resources.filter((x) => x.type.startsWith("aws:")).length;

export async function run(): Promise<BenchResult> {
  const coldOne = await planCold(scale, "one");
  const coldMany = await planCold(scale, "many");
  const coldEu = await planCold(root, "eu");
  const one = await planMedian(scale, "one");
  const many = await planMedian(scale, "many");
  const eu = await planMedian(root, "eu");
  const nag = cdkNagMedian();
  const row = (measurement: string, r: Ok, wallMs: number, peakRssBytes: number) => ({
    measurement,
    resources: r.resources.length,
    "wall s": wallMs / 1000,
    "program s": r.timings.programMs / 1000,
    "policy s": r.timings.analyzeMs / 1000,
    "peak RSS MiB": mib(peakRssBytes),
  });
  const rows = [
    row("plan, 1-resource program", one.r, one.wallMs, one.peakRssBytes),
    row("plan, 1,201-resource program", many.r, many.wallMs, many.peakRssBytes),
    row("plan, eu stack", eu.r, eu.wallMs, eu.peakRssBytes),
    ...(
      [
        ["plan, 1-resource program, cold type check (1 run)", coldOne],
        ["plan, 1,201-resource program, cold type check (1 run)", coldMany],
        ["plan, eu stack, cold type check (1 run)", coldEu],
      ] as const
    ).map(([measurement, c]) => row(measurement, c.r, c.wallMs, c.r.timings.peakRssBytes)),
    {
      measurement: "cdk-nag 3.0.2 HIPAA at synth, eu AWS slice",
      resources: nag.resources,
      "wall s": nag.wallMs / 1000,
      "program s": 0,
      "policy s": nag.synthMs / 1000,
      "peak RSS MiB": 0,
    },
  ];
  const perResource =
    (many.wallMs - one.wallMs) / (many.r.resources.length - one.r.resources.length);
  const ratio = many.wallMs / one.wallMs;
  const versusNag = eu.wallMs / nag.wallMs;
  const verdict = (ok: boolean) => (ok ? "met" : "NOT met");
  const coldRatio = coldMany.wallMs / coldOne.wallMs;
  const coldVersusNag = coldEu.wallMs / nag.wallMs;
  return {
    title: `offline plan cost (median of ${runs} runs each, whole process; ${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(1)})`,
    rows,
    notes: [
      `1,201 vs 1 resource: ${ratio.toFixed(2)}x (target <= 1.6x: ${verdict(ratio <= 1.6)}), ${perResource.toFixed(2)} ms per added resource`,
      `peak RSS at 1,200 resources: ${mib(many.peakRssBytes).toFixed(0)} MiB in the plan process (target <= 400 MB: ${verdict(many.peakRssBytes <= 400e6)})`,
      `eu stack plan vs cdk-nag HIPAA check of its AWS slice (${awsResources(eu.r)} AWS resources planned, ${nag.resources} in the CDK template, ${nag.findings} cdk-nag findings): ${versusNag.toFixed(2)}x (target <= 1.0: ${verdict(versusNag <= 1)})`,
      `cold TypeScript check (its cache removed first, 1 run each): 1,201 vs 1 resource ${coldRatio.toFixed(2)}x (target <= 1.6x: ${verdict(coldRatio <= 1.6)}); eu stack plan vs cdk-nag ${coldVersusNag.toFixed(2)}x (target <= 1.0: ${verdict(coldVersusNag <= 1)}); peak RSS at 1,200 resources ${mib(coldMany.r.timings.peakRssBytes).toFixed(0)} MiB`,
      "program s includes waiting for the TypeScript check (cached after the first run); policy s runs beside the program: the pack analyzes each resource as it is registered",
      "peak RSS is the plan process's (program + mocks); the pack and the TypeScript check run in their own processes",
      `stacks of this program: ${loadProject(root).stacks.join(", ")} (eu measured above)`,
    ],
  };
}
