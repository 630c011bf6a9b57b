/**
 * The CI workflows users of this repository run (.github/workflows/), parsed with the yaml package (no actionlint
 * offline): structure GitHub Actions requires, least-privilege permissions per job, actions pinned to a major
 * version, step outputs that exist, and the commands the README documents.
 */
import * as fs from "fs";
import * as path from "path";
import { parse } from "yaml";

const dir = path.resolve(__dirname, "../../.github/workflows");

interface Step {
  name?: string;
  id?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
  "continue-on-error"?: boolean;
}
interface Job {
  "runs-on": string;
  permissions: Record<string, string>;
  steps: Step[];
  [k: string]: unknown;
}
interface Workflow {
  name: string;
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  jobs: Record<string, Job>;
}

function load(file: string): Workflow {
  return parse(fs.readFileSync(path.join(dir, file), "utf8"), {
    strict: true,
    uniqueKeys: true,
  }) as Workflow;
}

const jobKeys = new Set([
  "name",
  "runs-on",
  "timeout-minutes",
  "permissions",
  "steps",
  "strategy",
  "environment",
  "env",
  "needs",
  "if",
  "concurrency",
  "outputs",
  "defaults",
  "services",
  "container",
  "continue-on-error",
]);
const stepKeys = new Set([
  "name",
  "id",
  "uses",
  "run",
  "if",
  "with",
  "env",
  "continue-on-error",
  "shell",
  "timeout-minutes",
  "working-directory",
]);
const permissionValues = new Set(["read", "write", "none"]);

describe.each(["policy-gate.yml", "preview.yml"])("%s", (file) => {
  const wf = load(file);

  it("is a workflow with a trigger, no default permissions and jobs with their own", () => {
    expect(typeof wf.name).toBe("string");
    expect(Object.keys(wf.on).length).toBeGreaterThan(0);
    expect(wf.permissions).toEqual({});
    for (const [id, job] of Object.entries(wf.jobs)) {
      expect([id, Object.keys(job).filter((k) => !jobKeys.has(k))]).toEqual([id, []]);
      expect(job["runs-on"]).toMatch(/^ubuntu-/);
      expect(Object.values(job.permissions).every((v) => permissionValues.has(v))).toBe(true);
      expect(job.steps.length).toBeGreaterThan(0);
    }
  });

  it("has steps that either run or use, actions pinned to a major version, and step outputs that exist", () => {
    const text = fs.readFileSync(path.join(dir, file), "utf8");
    for (const job of Object.values(wf.jobs)) {
      const ids = new Set(job.steps.map((s) => s.id).filter(Boolean));
      for (const step of job.steps) {
        expect(Object.keys(step).filter((k) => !stepKeys.has(k))).toEqual([]);
        expect(Boolean(step.run) !== Boolean(step.uses)).toBe(true);
        if (step.uses) {
          expect(step.uses).toMatch(/^[\w.-]+\/[\w./-]+@v\d+$/);
        }
        expect(typeof step.name).toBe("string");
      }
      for (const [, ref] of text.matchAll(/steps\.([\w-]+)\.outputs/g)) {
        expect([ref, ids.has(ref)]).toEqual([ref, true]);
      }
    }
    // Expressions are balanced and never inline a secret into a shell command.
    expect((text.match(/\$\{\{/g) ?? []).length).toBe((text.match(/\}\}/g) ?? []).length);
    for (const job of Object.values(wf.jobs)) {
      for (const step of job.steps) {
        expect(step.run ?? "").not.toMatch(/\$\{\{/);
      }
    }
  });
});

describe("the offline policy gate", () => {
  const wf = load("policy-gate.yml");
  const job = wf.jobs["offline-plan"];
  const uses = (prefix: string) => job.steps.filter((s) => s.uses?.startsWith(prefix));

  it("runs on every pull request with read access, code-scanning upload and pull-request comments", () => {
    expect(Object.keys(wf.on)).toContain("pull_request");
    expect(job.permissions).toEqual({
      contents: "read",
      "security-events": "write",
      "pull-requests": "write",
    });
  });

  it("plans both stacks, uploads SARIF per stack, comments the Markdown summary and keeps the reports", () => {
    const plan = job.steps.find((s) => s.id === "plan")!;
    expect(plan.run).toContain("npm run plan -- --out reports");
    expect(uses("github/codeql-action/upload-sarif").map((s) => s.with)).toEqual([
      { sarif_file: "reports/prod/report.sarif", category: "mediconnect-policy-prod" },
      { sarif_file: "reports/eu/report.sarif", category: "mediconnect-policy-eu" },
    ]);
    const comment = job.steps.find((s) => s.run?.includes("gh pr comment"))!;
    expect(comment.run).toContain("reports/*/summary.md");
    expect(uses("actions/upload-artifact")[0].with).toMatchObject({ path: "reports/" });
    // The job fails on the plan's exit code, after everything is published.
    const last = job.steps[job.steps.length - 1];
    expect(last.if).toBe("steps.plan.outputs.exit-code != '0'");
  });
});

describe("the preview job", () => {
  const wf = load("preview.yml");
  const job = wf.jobs.preview;

  it("gets OIDC tokens and no long-lived secrets", () => {
    expect(job.permissions).toEqual({
      contents: "read",
      "id-token": "write",
      "security-events": "write",
    });
    expect(fs.readFileSync(path.join(dir, "preview.yml"), "utf8")).not.toContain("secrets.");
    expect(job.steps.map((s) => s.uses).filter(Boolean)).toEqual([
      "actions/checkout@v4",
      "actions/setup-node@v4",
      "pulumi/actions@v6",
      "pulumi/auth-actions@v1",
      "aws-actions/configure-aws-credentials@v4",
      "google-github-actions/auth@v2",
      "azure/login@v2",
      "github/codeql-action/upload-sarif@v3",
      "actions/upload-artifact@v4",
    ]);
  });

  it("previews each stack with the same pack and turns the event log into the reports", () => {
    expect((job.strategy as { matrix: { stack: string[] } }).matrix.stack).toEqual(["prod", "eu"]);
    const preview = job.steps.find((s) => s.id === "preview")!;
    expect(preview.run).toContain("pulumi preview --stack");
    expect(preview.run).toContain('--policy-pack policies --event-log "$RUNNER_TEMP/events.jsonl"');
    const report = job.steps.find((s) => s.id === "report")!;
    expect(report.run).toContain(
      'npm run report -- --event-log "$RUNNER_TEMP/events.jsonl" --out reports',
    );
  });
});
