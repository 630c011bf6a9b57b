/**
 * Type-checks a TypeScript program as the Pulumi Node.js language host does before it runs it (ts-node with type
 * checking, unless PULUMI_NODEJS_TRANSPILE_ONLY=true or Pulumi.yaml sets `runtime.options.typescript: false`):
 * the program directory's tsconfig.json (or PULUMI_NODEJS_TSCONFIG_PATH) when there is one, else the host's
 * default options. A type error stops the plan with the compiler's diagnostics, as `pulumi preview` stops with
 * "Unable to compile TypeScript".
 *
 * Checking a program that imports a whole provider SDK takes seconds and hundreds of MB, so it runs in its own
 * process, beside the program's run, and a passing check is remembered (under .cache/plan-typecheck/) by the
 * content of the program's own files and the versions of the packages whose declarations it read.
 */
import { spawn } from "child_process";
import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";
import { PlanError } from "./errors";
import { ProgramProject } from "./stack-config";
import { programPackages } from "./packages";

const runnerRoot = path.resolve(__dirname, "..");
const cacheDir = path.join(runnerRoot, ".cache", "plan-typecheck");

interface CheckRecord {
  readonly key: string;
  /** The program's own source files and the sha256 of each. */
  readonly files: Record<string, string>;
  /** Package directories whose declarations the check read, and their versions. */
  readonly packages: Record<string, string>;
}

interface CheckOutcome {
  readonly diagnostics: string;
  readonly errors: number;
  readonly files: string[];
}

const sha = (text: string | Buffer) => createHash("sha256").update(text).digest("hex");

function fileHash(file: string): string | undefined {
  try {
    return sha(fs.readFileSync(file));
  } catch {
    return undefined;
  }
}

function packageVersion(dir: string): string | undefined {
  try {
    return String(JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")).version);
  } catch {
    return undefined;
  }
}

/** The package directory a file under node_modules belongs to. */
function packageDirOf(file: string): string | undefined {
  const m = /^(.*[\\/]node_modules[\\/](?:@[^\\/]+[\\/])?[^\\/]+)[\\/]/.exec(file);
  return m?.[1];
}

function tsconfigOf(project: ProgramProject): string | undefined {
  const file = path.resolve(
    project.dir,
    process.env["PULUMI_NODEJS_TSCONFIG_PATH"] ?? "tsconfig.json",
  );
  return fs.existsSync(file) ? file : undefined;
}

function recordKey(project: ProgramProject): string {
  const tsconfig = tsconfigOf(project);
  return sha(
    JSON.stringify([
      project.main,
      tsconfig ?? null,
      tsconfig ? fileHash(tsconfig) : null,
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      (require("typescript/package.json") as { version: string }).version,
    ]),
  );
}

function cacheFile(project: ProgramProject): string {
  return path.join(cacheDir, `${sha(project.main).slice(0, 32)}.json`);
}

/** Forgets the program's passing check, so the next plan checks it again (the bench's cold runs). */
export function forgetTypeCheck(project: ProgramProject): void {
  fs.rmSync(cacheFile(project), { force: true });
}

function stillValid(project: ProgramProject): boolean {
  let record: CheckRecord;
  try {
    record = JSON.parse(fs.readFileSync(cacheFile(project), "utf8")) as CheckRecord;
  } catch {
    return false;
  }
  return (
    record.key === recordKey(project) &&
    Object.entries(record.files).every(([f, h]) => fileHash(f) === h) &&
    Object.entries(record.packages).every(([d, v]) => packageVersion(d) === v)
  );
}

function remember(project: ProgramProject, files: readonly string[]): void {
  const own: Record<string, string> = {};
  const packages: Record<string, string> = {};
  for (const f of files) {
    const pkg = packageDirOf(f);
    if (pkg) {
      packages[pkg] ??= packageVersion(pkg) ?? "";
    } else {
      own[f] = fileHash(f) ?? "";
    }
  }
  const record: CheckRecord = { key: recordKey(project), files: own, packages };
  try {
    fs.mkdirSync(cacheDir, { recursive: true });
    const file = cacheFile(project);
    fs.writeFileSync(`${file}.${process.pid}.tmp`, JSON.stringify(record));
    fs.renameSync(`${file}.${process.pid}.tmp`, file);
  } catch {
    // A cache that cannot be written only costs the next plan a check.
  }
}

function skipped(project: ProgramProject): boolean {
  return (
    !/\.[cm]?tsx?$/.test(project.main) ||
    !project.typescript ||
    /^(true|1)$/i.test(process.env["PULUMI_NODEJS_TRANSPILE_ONLY"] ?? "")
  );
}

/** Resolves when the program type-checks; rejects with a PlanError carrying the diagnostics otherwise. */
export async function typeCheck(project: ProgramProject): Promise<void> {
  if (skipped(project) || stillValid(project)) {
    return;
  }
  const outcome = await new Promise<CheckOutcome>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        "--require",
        require.resolve("tsx/cjs"),
        __filename,
        project.dir,
        project.main,
        // A program without its own @pulumi packages runs with the runner's: its check reads their declarations.
        programPackages(project.dir, runnerRoot).own ? "" : runnerRoot,
      ],
      // In the program's directory, as the language host runs ts-node: @types packages are found from there, never
      // from the runner's own node_modules.
      { stdio: ["ignore", "pipe", "pipe"], cwd: project.dir },
    );
    const onSignal = () => child.kill();
    process.once("exit", onSignal);
    let out = "";
    let err = "";
    child.stdout!.on("data", (d) => (out += d));
    child.stderr!.on("data", (d) => (err += d));
    child.on("exit", (code) => {
      process.off("exit", onSignal);
      try {
        resolve(JSON.parse(out) as CheckOutcome);
      } catch {
        reject(
          new PlanError(
            "program",
            `The TypeScript check of ${project.main} stopped (exit ${code}): ${err.trim().split("\n").slice(-5).join("\n")}`,
          ),
        );
      }
    });
  });
  if (outcome.errors > 0) {
    throw new PlanError(
      "program",
      `Unable to compile TypeScript (as \`pulumi preview\` type-checks it; set PULUMI_NODEJS_TRANSPILE_ONLY=true ` +
        `to skip the check, as for the Pulumi CLI):\n${outcome.diagnostics.trimEnd()}`,
    );
  }
  remember(project, outcome.files);
}

/** In the checking process: prints {diagnostics, errors, files} as JSON. */
function check(dir: string, main: string, pulumiFrom: string): CheckOutcome {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ts = require("typescript") as typeof import("typescript");
  const file = path.resolve(dir, process.env["PULUMI_NODEJS_TSCONFIG_PATH"] ?? "tsconfig.json");
  let options: import("typescript").CompilerOptions = {
    // The language host's options for a program without a tsconfig.json, plus skipLibCheck so that broken
    // declarations of unrelated @types packages installed above the program do not fail it.
    target: ts.ScriptTarget.ES2015,
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    sourceMap: true,
    skipLibCheck: true,
  };
  const diagnostics: import("typescript").Diagnostic[] = [];
  if (fs.existsSync(file)) {
    const read = ts.readConfigFile(file, ts.sys.readFile);
    if (read.error) {
      diagnostics.push(read.error);
    } else {
      const parsed = ts.parseJsonConfigFileContent(
        read.config,
        ts.sys,
        path.dirname(file),
        undefined,
        file,
      );
      options = parsed.options;
      diagnostics.push(...parsed.errors.filter((d) => d.code !== 18003)); // "no inputs found" is not an error here
    }
  }
  if (pulumiFrom) {
    options = {
      ...options,
      baseUrl: options.baseUrl ?? dir,
      paths: {
        ...options.paths,
        "@pulumi/*": [path.join(pulumiFrom, "node_modules", "@pulumi", "*")],
      },
    };
  }
  const program = ts.createProgram([main], { ...options, noEmit: true });
  diagnostics.push(...ts.getPreEmitDiagnostics(program));
  const host: import("typescript").FormatDiagnosticsHost = {
    getCanonicalFileName: (f) => f,
    getCurrentDirectory: () => dir,
    getNewLine: () => "\n",
  };
  const errors = diagnostics.filter((d) => d.category === ts.DiagnosticCategory.Error);
  return {
    diagnostics: ts.formatDiagnostics(errors, host),
    errors: errors.length,
    files: program.getSourceFiles().map((f) => path.resolve(f.fileName)),
  };
}

if (require.main === module) {
  process.stdout.write(
    JSON.stringify(check(process.argv[2], process.argv[3], process.argv[4] ?? "")),
  );
}
