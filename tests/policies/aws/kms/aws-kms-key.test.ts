import {
  awsKmsKeyEnableKeyRotation,
  awsKmsKeyDisallowWildcardPrincipal,
} from "../../../../policies/aws/kms";
import { checkResource, unknown } from "../../harness";

const type = "aws:kms/key:Key";
const rotation = "(Control ID: HIPAA 164.312(a)(2)(iv); GDPR Art. 32)";

describe("aws-kms-key-enable-key-rotation", () => {
  it("passes a key with rotation on", async () => {
    expect(
      await checkResource(awsKmsKeyEnableKeyRotation, { type, props: { enableKeyRotation: true } }),
    ).toEqual({
      violations: [],
      indeterminate: false,
    });
  });

  it("fails a key with rotation off, naming the control", async () => {
    const out = await checkResource(awsKmsKeyEnableKeyRotation, {
      type,
      props: { enableKeyRotation: false },
    });
    expect(out.violations).toEqual([
      `Key rotation is disabled; set enableKeyRotation: true. ${rotation}`,
    ]);
  });

  it("fails a key that does not set rotation (AWS defaults to off)", async () => {
    const out = await checkResource(awsKmsKeyEnableKeyRotation, { type, props: {} });
    expect(out.violations).toEqual([
      `Key rotation is not set (AWS defaults to off); set enableKeyRotation: true. ${rotation}`,
    ]);
  });

  it("does not apply rotation to asymmetric keys, which AWS cannot rotate", async () => {
    const out = await checkResource(awsKmsKeyEnableKeyRotation, {
      type,
      props: { customerMasterKeySpec: "RSA_2048" },
    });
    expect(out.violations).toEqual([]);
  });

  it("is not applicable to other resource types", async () => {
    const out = await checkResource(awsKmsKeyEnableKeyRotation, {
      type: "aws:s3/bucket:Bucket",
      props: {},
    });
    expect(out.notApplicable).toBe("Policy only applies to resources of type 'aws:kms/key:Key'");
  });

  it("is indeterminate, never passing, when rotation is unknown", async () => {
    const out = await checkResource(awsKmsKeyEnableKeyRotation, {
      type,
      props: { enableKeyRotation: unknown },
    });
    expect(out).toEqual({ violations: [], indeterminate: true });
  });
});

describe("aws-kms-key-disallow-wildcard-principal", () => {
  const policy = (statement: object) =>
    JSON.stringify({ Version: "2012-10-17", Statement: [statement] });

  it("passes a policy that names the account root", async () => {
    const props = {
      policy: policy({
        Sid: "Root",
        Effect: "Allow",
        Principal: { AWS: "arn:aws:iam::123456789012:root" },
        Action: "kms:*",
        Resource: "*",
      }),
    };
    expect(
      (await checkResource(awsKmsKeyDisallowWildcardPrincipal, { type, props })).violations,
    ).toEqual([]);
  });

  it.each([
    ["*", "*"],
    ["{AWS: *}", { AWS: "*" }],
    ["a list holding *", { AWS: ["arn:aws:iam::123456789012:root", "*"] }],
  ])("fails principal %s without a condition", async (_label, principal) => {
    const props = {
      policy: policy({
        Sid: "Open",
        Effect: "Allow",
        Principal: principal,
        Action: "kms:Decrypt",
        Resource: "*",
      }),
    };
    expect(
      (await checkResource(awsKmsKeyDisallowWildcardPrincipal, { type, props })).violations,
    ).toEqual([
      'Key policy statement Open allows principal "*" without an account or organisation condition. (Control ID: HIPAA 164.312(a)(1); GDPR Art. 32)',
    ]);
  });

  it("passes a wildcard narrowed by aws:PrincipalOrgID", async () => {
    const props = {
      policy: policy({
        Effect: "Allow",
        Principal: "*",
        Action: "kms:Decrypt",
        Resource: "*",
        Condition: { StringEquals: { "aws:PrincipalOrgID": "o-abc123" } },
      }),
    };
    expect(
      (await checkResource(awsKmsKeyDisallowWildcardPrincipal, { type, props })).violations,
    ).toEqual([]);
  });

  it("passes a key without a policy (AWS's default policy names the account only)", async () => {
    expect(
      (await checkResource(awsKmsKeyDisallowWildcardPrincipal, { type, props: {} })).violations,
    ).toEqual([]);
  });

  it("fails a policy that is not JSON", async () => {
    expect(
      (await checkResource(awsKmsKeyDisallowWildcardPrincipal, { type, props: { policy: "{" } }))
        .violations,
    ).toEqual([
      "The key policy is not valid JSON, so its principals cannot be verified. (Control ID: HIPAA 164.312(a)(1); GDPR Art. 32)",
    ]);
  });
});
