/**
 * The plan CLI's robustness: `--out` checked before any work, errors that print their cause first without the
 * runtime's noise or the runner's frames, Ctrl-C that stops every process and leaves no half-written report.
 */
import { spawn, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const root = path.resolve(__dirname, "../..");
const corpus = path.join(root, "tests/fixtures/programs/corpus");
const cli = path.join(root, "compliance/cli.ts");
const tsx = require.resolve("tsx/cjs");

function plan(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, ["--require", tsx, cli, ...args], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, PULUMI_NODEJS_TRANSPILE_ONLY: "true", ...env },
  });
}

describe("--out is checked before any work", () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "plan-out-"));
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it.each([
    [
      "a file in the way",
      () => {
        const file = path.join(tmp, "taken");
        fs.writeFileSync(file, "");
        return [
          path.join(file, "reports"),
          `--out ${path.join(file, "reports")}: ${file} is a file, not a directory; expected a writable directory.`,
        ];
      },
    ],
    [
      "a file named as the directory",
      () => {
        const file = path.join(tmp, "report-file");
        fs.writeFileSync(file, "");
        return [
          file,
          `--out ${file}: it is a file, not a directory; expected a writable directory.`,
        ];
      },
    ],
    [
      "/proc",
      () => [
        "/proc/reports",
        "--out /proc/reports: it is under a kernel pseudo-filesystem; expected a writable directory.",
      ],
    ],
  ])("exits 2 naming --out for %s", (_name, setup) => {
    const [out, message] = setup();
    // A program that would fail if it ran: the --out error must come first.
    const res = plan(["--program", path.join(corpus, "program-throws"), "--out", out]);
    expect(res.status).toBe(2);
    expect(res.stderr.trim()).toBe(`error: usage error: ${message}`);
  });
});

/** stderr after the progress lines (`[stack] phase detail`), which come before any outcome. */
function withoutProgress(stderr: string): string {
  return stderr.replace(/^\[[^\]\n]+\] [^\n]*\n/gm, "");
}

describe("errors print their cause first", () => {
  it("a program's own error: its message and frames, no runner frames and no promise-leak report", () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "plan-err-"));
    const res = plan(["--program", path.join(corpus, "program-throws"), "--out", out]);
    expect(res.status).toBe(2);
    const stderr = withoutProgress(res.stderr);
    expect(stderr).toMatch(
      /^error: stack dev: program error: The program .*program-throws[\\/]index\.ts failed: Error: expected a \/16 network, got 10\.2\.0\.0\/20\n/,
    );
    expect(stderr).not.toContain("promises were still active");
    expect(stderr).not.toMatch(/compliance[\\/](program|worker|cli)\.ts|node:internal/);
    expect(fs.readdirSync(out)).toEqual([]);
    fs.rmSync(out, { recursive: true, force: true });
  });

  it("a missing config key: the configuration error, no promise-leak report", () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "plan-err-"));
    const res = plan(["--program", path.join(corpus, "missing-config"), "--out", out]);
    expect(res.status).toBe(2);
    expect(withoutProgress(res.stderr)).toMatch(
      /^error: stack dev: configuration error: Missing required configuration variable 'missing-config:owner'/,
    );
    expect(res.stderr).not.toContain("promises were still active");
    fs.rmSync(out, { recursive: true, force: true });
  });
});

describe("Ctrl-C", () => {
  it("stops the plan and its worker, exits 130 and leaves no report behind", async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "plan-int-"));
    const program = path.join(root, "tests/fixtures/programs/scale");
    const child = spawn(
      process.execPath,
      ["--require", tsx, cli, "--program", program, "--stack", "many", "--out", out],
      { cwd: root, env: { ...process.env, PULUMI_NODEJS_TRANSPILE_ONLY: "true" } },
    );
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    // Interrupt once the worker is running the program.
    const workerRunning = () =>
      spawnSync("pgrep", ["-f", `"stack":"many"`], { encoding: "utf8" })
        .stdout.split("\n")
        .filter((p) => p && Number(p) !== child.pid);
    for (let i = 0; i < 200 && workerRunning().length === 0; i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    const workers = workerRunning();
    expect(workers.length).toBeGreaterThan(0);
    child.kill("SIGINT");
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    expect(code).toBe(130);
    expect(stderr).toContain("error: interrupted (SIGINT); no report was left half-written.");
    const alive = () =>
      workers.filter((pid) => {
        try {
          process.kill(Number(pid), 0);
          return true;
        } catch {
          return false;
        }
      });
    // A worker in the middle of the program's synchronous code handles the signal when that code yields.
    for (let i = 0; i < 300 && alive().length > 0; i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(alive()).toEqual([]);
    expect(fs.readdirSync(out)).toEqual([]);
    fs.rmSync(out, { recursive: true, force: true });
  }, 120_000);
});
