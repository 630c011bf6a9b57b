/**
 * The pack started as the Pulumi CLI starts it: its entry module run in policies/, printing the port of its
 * analyzer gRPC server; a real gRPC client asks GetAnalyzerInfo, Configure and Analyze. This is the
 * `pulumi preview --policy-pack policies` path, without the CLI.
 */
import * as path from "path";
import { PackClient, PackInfo } from "../../compliance/analyzer";
import { policies, packName } from "../../policies/policies";
import type { CapturedResource } from "../../compliance/types";

const packDir = path.resolve(__dirname, "../../policies");

function resource(type: string, name: string, inputs: Record<string, unknown>): CapturedResource {
  return {
    urn: `urn:pulumi:dev::team::${type}::${name}`,
    type,
    name,
    custom: true,
    inputs,
    outputs: inputs,
    options: {
      protect: false,
      ignoreChanges: [],
      additionalSecretOutputs: [],
      aliases: [],
      retainOnDelete: false,
      replaceOnChanges: [],
    },
    dependencies: [],
    propertyDependencies: {},
  };
}

describe("policy pack over gRPC", () => {
  let pack: PackClient;
  let info: PackInfo;
  beforeAll(async () => {
    pack = await PackClient.start(packDir);
    info = await pack.info();
  }, 120000);
  afterAll(() => pack?.close());

  it("answers GetAnalyzerInfo with every policy and its metadata intact", () => {
    expect([info.name, info.version, info.policies.length]).toEqual([
      packName,
      "0.1.0",
      policies.length,
    ]);
    const rotation = info.policies.find((p) => p.name === "aws-kms-key-enable-key-rotation")!;
    expect(rotation).toEqual({
      name: "aws-kms-key-enable-key-rotation",
      displayName: "",
      description: "KMS keys must rotate their key material automatically.",
      kind: "resource",
      enforcementLevel: "mandatory",
      severity: "high",
      framework: {
        name: "HIPAA Security Rule",
        version: "45 CFR Part 164 Subpart C",
        reference:
          "https://www.ecfr.gov/current/title-45/subtitle-A/subchapter-C/part-164/subpart-C",
        specification: "164.312(a)(2)(iv)",
      },
      tags: ["hipaa:164.312(a)(2)(iv)", "gdpr:art32"],
      remediationSteps:
        "Set `enableKeyRotation: true` (and `rotationPeriodInDays` from 90 to 365) on the aws.kms.Key.",
      url: "https://www.ecfr.gov/current/title-45/subtitle-A/subchapter-C/part-164/subpart-C/section-164.312",
      configSchema: {
        properties: expect.objectContaining({ suppressions: expect.any(Object) }),
        required: [],
      },
    });
  });

  it("analyzes a resource after Configure, applying the configured enforcement level", async () => {
    const config = Object.fromEntries(
      info.policies.map((p) => [p.name, { enforcementLevel: p.enforcementLevel, properties: {} }]),
    );
    config["aws-kms-key-disallow-wildcard-principal"] = {
      enforcementLevel: "advisory",
      properties: {},
    };
    await pack.configure(config);
    const key = resource("aws:kms/key:Key", "k", {
      enableKeyRotation: false,
      policy: JSON.stringify({
        Statement: [
          { Sid: "Open", Effect: "Allow", Principal: "*", Action: "kms:*", Resource: "*" },
        ],
      }),
    });
    const answer = await pack.analyze(key, new Map());
    expect(
      answer.diagnostics.map((d) => [d.policyName, d.enforcementLevel, d.severity, d.message]),
    ).toEqual(
      [
        [
          "aws-kms-key-disallow-wildcard-principal",
          "advisory",
          "critical",
          'KMS key policies must not allow a wildcard principal without an account or organisation condition.\nKey policy statement Open allows principal "*" without an account or organisation condition. (Control ID: HIPAA 164.312(a)(1); GDPR Art. 32)',
        ],
        [
          "aws-kms-key-enable-key-rotation",
          "mandatory",
          "high",
          "KMS keys must rotate their key material automatically.\nKey rotation is disabled; set enableKeyRotation: true. (Control ID: HIPAA 164.312(a)(2)(iv); GDPR Art. 32)",
        ],
      ].sort(
        (a, b) =>
          policies.findIndex((p) => p.name === a[0]) - policies.findIndex((p) => p.name === b[0]),
      ),
    );
    const applied = policies
      .filter(
        (p) =>
          "validateResource" in p && !answer.notApplicable.some((n) => n.policyName === p.name),
      )
      .map((p) => p.name);
    expect(applied.length).toBeGreaterThanOrEqual(2);
    expect(applied.filter((n) => !n.startsWith("aws-kms-key-"))).toEqual([]);
  });
});
