import {
  stackS3BucketConfigureKmsEncryption,
  stackS3BucketEnforcePrivateTlsOnly,
} from "../../../policies/stack";
import { checkStack, unknown } from "../harness";
import { controls, kmsKey, resource, s3Bucket } from "./fixtures";

const bucket = s3Bucket("mc-eu-audit");
const key = kmsKey();
const sseType =
  "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration";
const sse = (
  byDefault: Record<string, unknown>,
  bucketRef: unknown = "mc-eu-audit",
  deps?: Record<string, string[]>,
) =>
  resource(
    sseType,
    "audit-sse",
    { bucket: bucketRef, rules: [{ applyServerSideEncryptionByDefault: byDefault }] },
    deps,
  );
const block = (flags: Partial<Record<string, boolean>> = {}) =>
  resource("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "audit-pab", {
    bucket: "mc-eu-audit",
    blockPublicAcls: true,
    blockPublicPolicy: true,
    ignorePublicAcls: true,
    restrictPublicBuckets: true,
    ...flags,
  });
const tlsOnly = JSON.stringify({
  Version: "2012-10-17",
  Statement: [
    {
      Sid: "DenyInsecureTransport",
      Effect: "Deny",
      Principal: "*",
      Action: "s3:*",
      Resource: ["arn:aws:s3:::mc-eu-audit", "arn:aws:s3:::mc-eu-audit/*"],
      Condition: { Bool: { "aws:SecureTransport": "false" } },
    },
  ],
});
const bucketPolicy = (policy: unknown = tlsOnly) =>
  resource("aws:s3/bucketPolicy:BucketPolicy", "audit-policy", { bucket: "mc-eu-audit", policy });

describe("stack-s3-bucket-configure-kms-encryption", () => {
  const policy = stackS3BucketConfigureKmsEncryption;
  const c = controls.s3Kms;

  it("recognises the separate v7 encryption resource with aws:kms and a key", async () => {
    const out = await checkStack(policy, [
      bucket,
      key,
      sse({ sseAlgorithm: "aws:kms", kmsMasterKeyId: key.props.arn }),
    ]);
    expect(out).toEqual({ violations: [], byUrn: [], indeterminate: false });
  });

  it("reports AES256 and aws:kms without a key on the bucket's URN", async () => {
    expect((await checkStack(policy, [bucket, sse({ sseAlgorithm: "AES256" })])).byUrn).toEqual([
      {
        urn: bucket.urn,
        message: `S3 bucket mc-eu-audit is not encrypted with a KMS key: audit-sse uses sseAlgorithm "AES256"; expected sseAlgorithm aws:kms with a kmsMasterKeyId. ${c}`,
      },
    ]);
    expect(
      (await checkStack(policy, [bucket, sse({ sseAlgorithm: "aws:kms" })])).violations,
    ).toEqual([
      `S3 bucket mc-eu-audit is not encrypted with a KMS key: audit-sse sets no kmsMasterKeyId (the AWS managed key aws/s3); expected sseAlgorithm aws:kms with a kmsMasterKeyId. ${c}`,
    ]);
  });

  it("reports a bucket with no encryption configuration (absent), ignoring the deprecated inline property", async () => {
    const inline = s3Bucket("mc-eu-audit", {
      serverSideEncryptionConfiguration: {
        rule: { applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms" } },
      },
    });
    expect((await checkStack(policy, [inline])).byUrn).toEqual([
      {
        urn: bucket.urn,
        message: `S3 bucket mc-eu-audit has no BucketServerSideEncryptionConfiguration; expected one with sseAlgorithm aws:kms and a kmsMasterKeyId. ${c}`,
      },
    ]);
  });

  it("does not attach a configuration that depends on another bucket", async () => {
    const other = s3Bucket("other");
    const out = await checkStack(policy, [
      bucket,
      other,
      sse({ sseAlgorithm: "aws:kms", kmsMasterKeyId: "k" }, unknown, { bucket: [other.urn] }),
    ]);
    expect(out.byUrn.map((v) => v.urn)).toEqual([bucket.urn]);
  });

  it("matches through the dependency while the bucket id and key ARN are unknown", async () => {
    const out = await checkStack(policy, [
      bucket,
      key,
      sse({ sseAlgorithm: "aws:kms", kmsMasterKeyId: unknown }, unknown, {
        bucket: [bucket.urn],
        rules: [key.urn],
      }),
    ]);
    expect(out).toEqual({ violations: [], byUrn: [], indeterminate: false });
  });

  it("is indeterminate when the configuration's bucket is unknown and no dependency decides", async () => {
    const out = await checkStack(policy, [
      bucket,
      sse({ sseAlgorithm: "aws:kms", kmsMasterKeyId: "k" }, unknown),
    ]);
    expect(out).toMatchObject({ violations: [], indeterminate: true });
  });

  it("checks every bucket whatever its classification (no threshold to configure)", async () => {
    const internal = s3Bucket("mc-eu-audit", { tags: { "data-classification": "internal" } });
    expect(
      (await checkStack(policy, [internal], { unlabelledIsPhi: false })).byUrn.map((v) => v.urn),
    ).toEqual([bucket.urn]);
  });
});

describe("stack-s3-bucket-enforce-private-tls-only", () => {
  const policy = stackS3BucketEnforcePrivateTlsOnly;
  const c = controls.s3Private;

  it("passes a bucket with a complete block and a TLS-only policy", async () => {
    expect(await checkStack(policy, [bucket, block(), bucketPolicy()])).toEqual({
      violations: [],
      byUrn: [],
      indeterminate: false,
    });
  });

  it("accepts the account-level block instead of the bucket's own", async () => {
    const accountBlock = resource(
      "aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock",
      "account-pab",
      {
        blockPublicAcls: true,
        blockPublicPolicy: true,
        ignorePublicAcls: true,
        restrictPublicBuckets: true,
      },
    );
    expect((await checkStack(policy, [bucket, accountBlock, bucketPolicy()])).violations).toEqual(
      [],
    );
  });

  it("reports an incomplete block and a policy without the TLS deny on the bucket's URN", async () => {
    const allowOnly = JSON.stringify({
      Statement: [
        {
          Effect: "Allow",
          Principal: { AWS: "arn:aws:iam::210987654321:root" },
          Action: "s3:GetObject",
          Resource: "*",
        },
      ],
    });
    expect(
      (
        await checkStack(policy, [
          bucket,
          block({ restrictPublicBuckets: false }),
          bucketPolicy(allowOnly),
        ])
      ).byUrn,
    ).toEqual([
      {
        urn: bucket.urn,
        message: `S3 bucket mc-eu-audit is not covered by a complete public access block: audit-pab leaves restrictPublicBuckets not true; expected blockPublicAcls, blockPublicPolicy, ignorePublicAcls and restrictPublicBuckets all true. ${c}`,
      },
      {
        urn: bucket.urn,
        message: `S3 bucket mc-eu-audit's policy audit-policy does not deny requests with aws:SecureTransport false; expected a Deny statement with Condition Bool aws:SecureTransport "false". ${c}`,
      },
    ]);
  });

  it("reports a bucket with neither block nor policy (absent)", async () => {
    expect((await checkStack(policy, [bucket])).violations).toEqual([
      `S3 bucket mc-eu-audit is not covered by a complete public access block: no BucketPublicAccessBlock refers to it and no account-level block sets all four flags; expected blockPublicAcls, blockPublicPolicy, ignorePublicAcls and restrictPublicBuckets all true. ${c}`,
      `S3 bucket mc-eu-audit has no BucketPolicy; expected one that denies requests with aws:SecureTransport false. ${c}`,
    ]);
  });

  it("is indeterminate when the bucket policy document is unknown", async () => {
    expect(await checkStack(policy, [bucket, block(), bucketPolicy(unknown)])).toMatchObject({
      violations: [],
      indeterminate: true,
    });
  });

  it("is indeterminate when a block flag is unknown", async () => {
    expect(
      await checkStack(policy, [
        bucket,
        block({ ignorePublicAcls: unknown as unknown as boolean }),
        bucketPolicy(),
      ]),
    ).toMatchObject({
      indeterminate: true,
    });
  });
});
