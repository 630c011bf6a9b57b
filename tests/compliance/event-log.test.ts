/**
 * `npm run report -- --event-log`: the engine's event log (tests/fixtures/event-logs/, built field for field from
 * pulumi/pulumi sdk/go/common/apitype/events.go) turned into the same report formats as the offline plan.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { inputsFromEventLog, parseEventLog, reportFromEventLog } from "../../compliance/event-log";
import { buildReport } from "../../compliance/report";

const root = path.resolve(__dirname, "../..");
const log = path.join(root, "tests/fixtures/event-logs/rotation-off-two-packs.jsonl");
const urn = (rest: string) => `urn:pulumi:dev::rotation-off::${rest}`;
const key = urn("aws:kms/key:Key::records-key");
const bucket = urn("aws:s3/bucket:Bucket::records-site");
const stack = urn("pulumi:pulumi:Stack::rotation-off-dev");

describe("reading the engine's event log", () => {
  it("takes stack and project from the URNs and every resource from the resource events", () => {
    const [input] = inputsFromEventLog(parseEventLog(fs.readFileSync(log, "utf8"), log), undefined);
    expect([input.stack, input.project, input.source]).toEqual([
      "dev",
      "rotation-off",
      "event-log",
    ]);
    expect(
      input.resources.map((r) => [r.urn, r.type, r.parent ?? null, r.provider ?? null]),
    ).toEqual([
      [stack, "pulumi:pulumi:Stack", null, null],
      [urn("pulumi:providers:aws::default_7_48_0"), "pulumi:providers:aws", null, null],
      [key, "aws:kms/key:Key", stack, urn("pulumi:providers:aws::default_7_48_0")],
      [bucket, "aws:s3/bucket:Bucket", stack, urn("pulumi:providers:aws::default_7_48_0")],
    ]);
    expect(input.packs).toEqual([
      { name: "mediconnect-hipaa-gdpr", version: "0.1.0" },
      { name: "org-tagging", version: "1.2.0" },
    ]);
  });

  it("without pack metadata: passes, failures, suppressions and indeterminate checks of both packs", () => {
    const [input] = inputsFromEventLog(parseEventLog(fs.readFileSync(log, "utf8"), log), undefined);
    const report = buildReport(input, new Date("2026-12-01T00:00:00Z"));
    expect(
      report.results.map(
        (r) => `${r.policyPack}/${r.policyName} ${r.urn.split("::").pop()} ${r.status}`,
      ),
    ).toEqual([
      "mediconnect-hipaa-gdpr/aws-kms-key-configure-deletion-window records-key pass",
      "mediconnect-hipaa-gdpr/aws-kms-key-enable-key records-key pass",
      "mediconnect-hipaa-gdpr/aws-kms-key-enable-key-rotation records-key fail",
      "mediconnect-hipaa-gdpr/aws-kms-key-disallow-wildcard-principal records-key indeterminate",
      "org-tagging/org-require-cost-center records-key pass",
      "mediconnect-hipaa-gdpr/aws-s3-bucket-disallow-public-acl records-site suppressed",
      "org-tagging/org-require-cost-center records-site fail",
      "mediconnect-hipaa-gdpr/stack-s3-bucket-enforce-private-tls-only rotation-off-dev pass",
      "mediconnect-hipaa-gdpr/stack-resource-configure-processing-labels records-site fail",
      "org-tagging/org-stack-has-owner rotation-off-dev pass",
    ]);
    expect(report.violations.map((v) => [v.policyName, v.enforcementLevel, v.message])).toEqual([
      [
        "aws-kms-key-enable-key-rotation",
        "mandatory",
        // Without metadata the description line the SDK puts first stays in the message; colour codes go.
        "KMS keys must rotate their key material automatically.\nKey rotation is disabled; set enableKeyRotation: true. (Control ID: HIPAA 164.312(a)(2)(iv); GDPR Art. 32)",
      ],
      [
        "org-require-cost-center",
        "advisory",
        "Every resource must carry a cost-center tag.\nBucket records-site has no cost-center tag.",
      ],
      [
        "stack-resource-configure-processing-labels",
        "mandatory",
        expect.stringContaining(
          "Resource records-site (aws:s3/bucket:Bucket) lacks data-classification, cost-center",
        ),
      ],
    ]);
    expect(report.indeterminate).toEqual([
      {
        policyName: "aws-kms-key-disallow-wildcard-principal",
        urn: key,
        message: "string value at .policy can't be known during preview",
      },
    ]);
    expect(report.summary.notApplicable).toBe(0);
  });

  it("with the pack's metadata: messages without the description, severity, controls and not-applicable counts", async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "event-log-"));
    const [report] = await reportFromEventLog({
      eventLog: log,
      out,
      formats: ["sarif", "junit", "markdown", "html", "csv"],
      policyPack: path.join(root, "policies"),
      failOn: "mandatory",
      quiet: true,
    });
    expect(fs.readdirSync(path.join(out, "dev")).sort()).toEqual([
      "junit.xml",
      "report.html",
      "report.json",
      "report.sarif",
      "results.csv",
      "summary.md",
    ]);
    const rotation = report.violations.find(
      (v) => v.policyName === "aws-kms-key-enable-key-rotation",
    )!;
    expect(rotation).toMatchObject({
      message:
        "Key rotation is disabled; set enableKeyRotation: true. (Control ID: HIPAA 164.312(a)(2)(iv); GDPR Art. 32)",
      severity: "high",
      frameworks: ["hipaa:164.312(a)(2)(iv)", "gdpr:art32"],
      evidence: [{ property: "enableKeyRotation", value: "false" }],
      cloud: "aws",
    });
    expect(report.suppressed[0]).toMatchObject({
      policyName: "aws-s3-bucket-disallow-public-acl",
      suppression: {
        until: "2999-12-31",
        owner: "web-team",
        reason: "Public marketing site bucket, holds no PHI (ticket WEB-7)",
      },
      evidence: [{ property: "acl", value: '"public-read"' }],
    });
    // Policies of the pack listed neither passed nor failed are counted, per policy, never listed one by one.
    const policies = report.policies.filter((p) => p.policyPack === "mediconnect-hipaa-gdpr");
    const resourcePolicies = policies.filter((p) => p.kind === "resource").length;
    const stackPolicies = policies.filter((p) => p.kind === "stack").length;
    // 4 resources analyzed; the key had 4 policies listed and the bucket 1; 2 stack policies were listed.
    expect(report.summary.notApplicable).toBe(4 * resourcePolicies - 4 - 1 + (stackPolicies - 2));
    expect(
      report.notApplicable.find((n) => n.policyName === "aws-kms-key-enable-key-rotation"),
    ).toEqual({
      policyName: "aws-kms-key-enable-key-rotation",
      policyPack: "mediconnect-hipaa-gdpr",
      count: 3,
      reason: "listed neither passed nor failed by the engine (not applicable, or disabled)",
    });
    expect(report.controls.find((c) => c.id === "gdpr:art30")).toMatchObject({
      status: "failed",
      failed: 1,
    });
  });

  it("exits 5 from the command line on a mandatory violation and names the failed controls", () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "event-log-cli-"));
    const res = spawnSync(
      process.execPath,
      [
        "--require",
        require.resolve("tsx/cjs"),
        path.join(root, "compliance/event-log.ts"),
        "--event-log",
        log,
        "--out",
        out,
        "--format",
        "markdown",
      ],
      { cwd: root, encoding: "utf8" },
    );
    expect(res.status).toBe(5);
    expect(fs.readdirSync(path.join(out, "dev")).sort()).toEqual(["report.json", "summary.md"]);
    expect(res.stdout).toContain("failed HIPAA sections: 164.312(a)(2)(iv)");
    expect(res.stdout).toContain("failed GDPR articles: Art. 5(1)(f), Art. 30, Art. 32");
  });

  it("names the line of a log that is not JSON", () => {
    expect(() => parseEventLog('{"sequence":0,"timestamp":1}\nnot json\n', "x.jsonl")).toThrow(
      "--event-log x.jsonl: line 2 is not JSON",
    );
    expect(() => parseEventLog('{"timestamp":1}\n', "x.jsonl")).toThrow(
      'line 1 is not an engine event (no numeric "sequence")',
    );
  });
});
