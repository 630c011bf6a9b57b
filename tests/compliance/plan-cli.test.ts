/**
 * The offline plan end to end, as CI and a person run it: `npm run plan` on small programs, asserting exit codes
 * and what lands in report.json.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { policies } from "../../policies/policies";

const root = path.resolve(__dirname, "../..");
const fixtures = path.join(root, "tests/fixtures/programs");

function plan(args: string[]) {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "plan-test-"));
  const res = spawnSync(
    process.execPath,
    [
      "--require",
      require.resolve("tsx/cjs"),
      path.join(root, "compliance/cli.ts"),
      ...args,
      "--out",
      out,
    ],
    {
      cwd: root,
      encoding: "utf8",
    },
  );
  const report = (stack: string) =>
    JSON.parse(fs.readFileSync(path.join(out, stack, "report.json"), "utf8"));
  return { status: res.status, stdout: res.stdout, stderr: res.stderr, report, out };
}

/** Plans the rotation-off program with the given policy configuration written to a file. */
function planRotationOff(policyConfig: object) {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "policy-config-")), "config.json");
  fs.writeFileSync(file, JSON.stringify(policyConfig));
  return plan(["--program", path.join(fixtures, "kms-rotation-off"), "--policy-config", file]);
}

describe("npm run plan", () => {
  it("exits 5 on a program with a KMS key whose rotation is off, with the violation on that key", () => {
    const run = plan(["--program", path.join(fixtures, "kms-rotation-off")]);
    expect(run.status).toBe(5);
    const report = run.report("dev");
    expect(report.violations).toEqual([
      {
        policyName: "aws-kms-key-enable-key-rotation",
        policyPack: "mediconnect-hipaa-gdpr",
        policyPackVersion: "0.1.0",
        urn: "urn:pulumi:dev::rotation-off::aws:kms/key:Key::records-key",
        resourceType: "aws:kms/key:Key",
        resourceName: "records-key",
        enforcementLevel: "mandatory",
        severity: "high",
        message:
          "Key rotation is disabled; set enableKeyRotation: true. (Control ID: HIPAA 164.312(a)(2)(iv); GDPR Art. 32)",
        frameworks: ["hipaa:164.312(a)(2)(iv)", "gdpr:art32"],
        remediationSteps: expect.stringContaining("enableKeyRotation: true"),
        url: "https://www.ecfr.gov/current/title-45/subtitle-A/subchapter-C/part-164/subpart-C/section-164.312",
        fingerprint: expect.stringMatching(/^[0-9a-f]{32}$/),
        cloud: "aws",
        location: { file: "index.ts", line: 4, column: 13 },
        evidence: [{ property: "enableKeyRotation", value: "false" }],
      },
    ]);
    expect(report.results).toContainEqual({
      policyName: "aws-kms-key-enable-key-rotation",
      policyPack: "mediconnect-hipaa-gdpr",
      urn: "urn:pulumi:dev::rotation-off::aws:kms/key:Key::records-key",
      status: "fail",
    });
    expect(report.summary.mandatory).toBe(1);
    expect(run.stdout).toContain(
      "[mandatory] [severity: high] aws-kms-key-enable-key-rotation (aws:kms/key:Key: records-key) at index.ts:4",
    );
  });

  it("plans a program with no stack file as the CLI does: stack dev by default, or the stack named", () => {
    // `pulumi stack init` writes no Pulumi.<stack>.yaml; public programs rarely ship one.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "no-stack-file-"));
    for (const f of ["Pulumi.yaml", "index.ts"]) {
      fs.copyFileSync(path.join(fixtures, "kms-rotation-off", f), path.join(dir, f));
    }
    const byDefault = plan(["--program", dir]);
    expect(byDefault.status).toBe(5);
    expect(byDefault.stderr).toContain("no Pulumi.dev.yaml: no stack configuration");
    expect(byDefault.report("dev").violations.map((v: { urn: string }) => v.urn)).toEqual([
      "urn:pulumi:dev::rotation-off::aws:kms/key:Key::records-key",
    ]);
    const named = plan(["--program", dir, "--stack", "qa"]);
    expect(named.status).toBe(5);
    expect(named.report("qa").violations.map((v: { urn: string }) => v.urn)).toEqual([
      "urn:pulumi:qa::rotation-off::aws:kms/key:Key::records-key",
    ]);
  });

  it("exits 0 on a clean program and reports every policy result with the documented fields", () => {
    const run = plan(["--program", path.join(fixtures, "clean"), "--stack", "dev"]);
    expect(run.status).toBe(0);
    const report = run.report("dev");
    expect(Object.keys(report)).toEqual([
      "schemaVersion",
      "stack",
      "project",
      "generatedAt",
      "source",
      "packs",
      "summary",
      "resources",
      "violations",
      "suppressed",
      "results",
      "notApplicable",
      "indeterminate",
      "policies",
      "controls",
      "baseline",
      "configPlaceholders",
      "unexpandedComponents",
    ]);
    expect([report.schemaVersion, report.stack, report.project]).toEqual(["2.1.0", "dev", "clean"]);
    expect(report.violations).toEqual([]);
    expect(report.resources.map((r: { urn: string }) => r.urn).sort()).toEqual([
      "urn:pulumi:dev::clean::pulumi:providers:aws::eu",
      "urn:pulumi:dev::clean::pulumi:pulumi:Stack::clean-dev",
      "urn:pulumi:dev::clean::team:index:Vault$aws:kms/alias:Alias::records-alias",
      "urn:pulumi:dev::clean::team:index:Vault$aws:kms/key:Key::records-key",
      "urn:pulumi:dev::clean::team:index:Vault::records",
    ]);
    const key = report.resources.find((r: { name: string }) => r.name === "records-key");
    expect(key).toEqual({
      urn: "urn:pulumi:dev::clean::team:index:Vault$aws:kms/key:Key::records-key",
      type: "aws:kms/key:Key",
      name: "records-key",
      parent: "urn:pulumi:dev::clean::team:index:Vault::records",
      provider: "urn:pulumi:dev::clean::pulumi:providers:aws::eu",
      cloud: "aws",
      location: expect.objectContaining({ file: "index.ts" }),
    });
    const forKey = report.results.filter((r: { urn: string }) => r.urn === key.urn);
    // Every KMS key policy of the pack passes on it; every other resource policy is not applicable.
    const keyPolicies = policies
      .filter((p) => p.name.startsWith("aws-kms-key-"))
      .map((p) => p.name);
    expect(keyPolicies.length).toBeGreaterThanOrEqual(2);
    expect(
      forKey
        .filter((r: { status: string }) => r.status === "pass")
        .map((r: { policyName: string }) => r.policyName)
        .sort(),
    ).toEqual(keyPolicies.sort());
    // Assessed pairs are listed; not-applicable ones are counted per policy.
    expect(report.summary.passed).toBe(report.results.length);
    expect(report.notApplicable.reduce((n: number, x: { count: number }) => n + x.count, 0)).toBe(
      report.summary.notApplicable,
    );
    expect(report.summary.passed + report.summary.notApplicable).toBe(report.summary.evaluations);
  });

  it("takes enforcement levels from --policy-config as pulumi preview --policy-pack-config does", () => {
    const run = planRotationOff({ "aws-kms-key-enable-key-rotation": "advisory" });
    expect(run.status).toBe(0);
    expect(
      run.report("dev").violations.map((v: { enforcementLevel: string }) => v.enforcementLevel),
    ).toEqual(["advisory"]);

    const disabled = planRotationOff({ all: "disabled" });
    expect([disabled.status, disabled.report("dev").results]).toEqual([0, []]);
  });

  it("keeps a suppressed finding visible as suppressed, and reports an expired suppression as a violation", () => {
    const suppression = {
      resource: "records-*",
      reason: "Vendor-managed key, ticket SEC-42",
      owner: "security-team",
    };
    // Expiries may lie at most a year ahead (maxSuppressionDays); a month ahead is within the window.
    const expires = new Date(Date.now() + 30 * 86400000).toISOString().slice(0, 10);
    const run = planRotationOff({
      "aws-kms-key-enable-key-rotation": {
        suppressions: [{ ...suppression, expires }],
      },
    });
    expect(run.status).toBe(0);
    const report = run.report("dev");
    expect([report.violations, report.summary.suppressed]).toEqual([[], 1]);
    expect(report.suppressed[0].message).toBe(
      `[suppressed until ${expires} by security-team: Vendor-managed key, ticket SEC-42] Key rotation is disabled; ` +
        "set enableKeyRotation: true. (Control ID: HIPAA 164.312(a)(2)(iv); GDPR Art. 32)",
    );
    expect(report.results).toContainEqual({
      policyName: "aws-kms-key-enable-key-rotation",
      policyPack: "mediconnect-hipaa-gdpr",
      urn: "urn:pulumi:dev::rotation-off::aws:kms/key:Key::records-key",
      status: "suppressed",
    });

    const expired = planRotationOff({
      "aws-kms-key-enable-key-rotation": {
        suppressions: [{ ...suppression, expires: "2020-01-01" }],
      },
    });
    expect(expired.status).toBe(5);
    expect(expired.report("dev").violations.map((v: { message: string }) => v.message)).toEqual([
      "Key rotation is disabled; set enableKeyRotation: true. (Control ID: HIPAA 164.312(a)(2)(iv); GDPR Art. 32)",
      'The suppression of aws-kms-key-enable-key-rotation for "records-*" cannot be honoured: it expired on 2020-01-01. ' +
        "Give it a reason of at least 10 characters, an owner and a future expiry (YYYY-MM-DD), or remove it. " +
        "(Control ID: HIPAA 164.312(a)(2)(iv); GDPR Art. 32)",
    ]);
  });

  it("exits 2 naming the policy when --policy-config names a policy the pack does not have", () => {
    const run = planRotationOff({ "aws-kms-key-rotate": "advisory" });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(
      "Policy configuration names unknown policies: aws-kms-key-rotate.",
    );
    expect(fs.existsSync(path.join(run.out, "dev", "report.json"))).toBe(false);
  });

  it.each([
    [["--stack"], "--stack needs a value"],
    [["--color", "always"], 'Unknown argument "--color"'],
    [["--program", "/nonexistent"], "No Pulumi.yaml in /nonexistent"],
  ])("exits 2 with a usage message for %j", (args, message) => {
    const run = plan(args);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(message);
  });
});
