/**
 * `npm run plan` end to end with every format, baselines and `--fail-on new`, on the planted-violation program.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import Ajv from "ajv";

const root = path.resolve(__dirname, "../..");
const program = path.join(root, "tests/fixtures/programs/kms-rotation-off");
const keyUrn = "urn:pulumi:dev::rotation-off::aws:kms/key:Key::records-key";

function plan(args: string[], out = fs.mkdtempSync(path.join(os.tmpdir(), "plan-formats-"))) {
  const res = spawnSync(
    process.execPath,
    [
      "--require",
      require.resolve("tsx/cjs"),
      path.join(root, "compliance/cli.ts"),
      "--program",
      program,
      "--out",
      out,
      ...args,
    ],
    { cwd: root, encoding: "utf8" },
  );
  const read = (file: string) => fs.readFileSync(path.join(out, "dev", file), "utf8");
  return { status: res.status, stdout: res.stdout, stderr: res.stderr, out, read };
}

describe("npm run plan writes every format beside report.json", () => {
  const run = plan([]);

  it("exits 5 and writes all six files", () => {
    expect(run.status).toBe(5);
    expect(fs.readdirSync(path.join(run.out, "dev")).sort()).toEqual([
      "junit.xml",
      "report.html",
      "report.json",
      "report.sarif",
      "results.csv",
      "summary.md",
    ]);
  });

  it("locates the finding at the line that declares the key, in SARIF and JUnit", () => {
    const sarif = JSON.parse(run.read("report.sarif"));
    const { id, $schema, ...body } = JSON.parse(
      fs.readFileSync(path.join(root, "tests/fixtures/sarif/sarif-schema-2.1.0.json"), "utf8"),
    );
    expect($schema).toContain("draft-04");
    const ajv = new Ajv({ strict: false, unicodeRegExp: false, validateFormats: false });
    const validate = ajv.compile({
      ...body,
      $id: id,
      $schema: "http://json-schema.org/draft-07/schema#",
    });
    expect(validate(sarif) ? [] : validate.errors).toEqual([]);
    const result = sarif.runs[0].results.find(
      (r: { ruleId: string }) => r.ruleId === "aws-kms-key-enable-key-rotation",
    );
    // index.ts line 4: `const key = new aws.kms.Key("records-key", {`
    expect(result.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: "index.ts", uriBaseId: "%SRCROOT%" },
      region: { startLine: 4, startColumn: 13 },
    });
    expect(fs.readFileSync(path.join(program, "index.ts"), "utf8").split("\n")[3]).toContain(
      'new aws.kms.Key("records-key"',
    );
    expect(run.read("junit.xml")).toContain(
      '<testcase name="aws:kms/key:Key records-key" classname="dev.aws-kms-key-enable-key-rotation" file="index.ts" line="4">',
    );
  });

  it("prints progress per stack and phase on stderr and a closing summary naming the failed controls, in 120 columns", () => {
    const phases = run.stderr
      .split("\n")
      .filter((l) => l.startsWith("[dev]"))
      .map((l) => l.split(/\s+/)[1]);
    expect([...new Set(phases)]).toEqual(["start", "program", "policy", "analyze", "report"]);
    expect(run.stdout).toContain(
      "Summary:\n  dev: FAIL: 1 mandatory, 0 advisory, 0 suppressed, 0 indeterminate;",
    );
    expect(run.stdout).toContain(
      "    failed HIPAA sections: 164.312(a)(2)(iv)\n    failed GDPR articles: Art. 32\n",
    );
    const long = [...run.stdout.split("\n"), ...run.stderr.split("\n")].filter(
      (l) => !l.startsWith("info:") && [...l].length > 120,
    );
    expect(long).toEqual([]);
  });
});

describe("baselines", () => {
  const first = plan(["--format", "markdown"]);

  it("marks an unchanged finding unchanged, and --fail-on new passes", () => {
    const again = plan(["--format", "markdown", "--baseline", first.out, "--fail-on", "new"]);
    expect(again.status).toBe(0);
    const report = JSON.parse(again.read("report.json"));
    expect(report.violations.map((v: { baselineState: string }) => v.baselineState)).toEqual([
      "unchanged",
    ]);
    expect(report.baseline).toMatchObject({
      new: 0,
      newMandatory: 0,
      unchanged: 1,
      fixed: 0,
      fixedFindings: [],
    });
  });

  it("marks a finding missing from the baseline new (exit 5 with --fail-on new) and lists the fixed ones", () => {
    const old = JSON.parse(first.read("report.json"));
    const gone = { ...old.violations[0], policyName: "aws-kms-key-configure-deletion-window" };
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "baseline-")), "report.json");
    fs.writeFileSync(file, JSON.stringify({ ...old, violations: [gone] }));
    const run = plan(["--format", "markdown", "--baseline", file, "--fail-on", "new"]);
    expect(run.status).toBe(5);
    const report = JSON.parse(run.read("report.json"));
    expect(report.violations.map((v: { baselineState: string }) => v.baselineState)).toEqual([
      "new",
    ]);
    expect(report.baseline).toMatchObject({
      file,
      new: 1,
      newMandatory: 1,
      unchanged: 0,
      fixed: 1,
      fixedFindings: [
        {
          policyName: "aws-kms-key-configure-deletion-window",
          urn: keyUrn,
          enforcementLevel: "mandatory",
          fingerprint: expect.stringMatching(/^[0-9a-f]{32}$/),
        },
      ],
    });
    expect(run.read("summary.md")).toContain("**Against the baseline**");
    expect(run.read("summary.md")).toContain("1 new (1 mandatory), 1 fixed, 0 unchanged.");
  });

  it("refuses --fail-on new without a baseline, and a baseline that is not a report", () => {
    const noBaseline = plan(["--fail-on", "new"]);
    expect(noBaseline.status).toBe(2);
    expect(noBaseline.stderr).toContain("--fail-on new needs --baseline OLD");
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "baseline-")), "x.json");
    fs.writeFileSync(file, "{}");
    const bad = plan(["--baseline", file]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain(`--baseline ${file}: not a report.json`);
  });
});
