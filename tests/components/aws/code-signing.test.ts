import type * as aws from "@pulumi/aws";
import {
  Recorded,
  account,
  installMocks,
  one,
  region,
  settle,
  statement,
  valueOf,
  key,
} from "../../helpers/mocks";

let recorded: Recorded[];
let cs: typeof import("../../../components/aws/code-signing");
let nf: typeof import("../../../components/aws/node-function");
let signing: InstanceType<typeof cs.CodeSigning>;
let provider: aws.Provider;

const bucketName = `mc-eu-code-signing-artifacts-${account}`;
const bucketArn = `arn:aws:s3:::${bucketName}`;
const profileName = "mc_eu_code_signing_20250101000000000000000001";
const versionArn = `arn:aws:signer:${region}:${account}:/signing-profiles/${profileName}/Ab12Cd34Ef`;
const configArn = `arn:aws:lambda:${region}:${account}:code-signing-config:csc-0123456789abcdef0`;

beforeAll(async () => {
  recorded = await installMocks();
  cs = await import("../../../components/aws/code-signing");
  nf = await import("../../../components/aws/node-function");
  const awsModule = await import("@pulumi/aws");
  provider = new awsModule.Provider("test-aws", { region });
  signing = new cs.CodeSigning(
    "code-signing",
    { namePrefix: "mc-eu", kmsKeyArn: key },
    { providers: [provider] },
  );
  const fn = new nf.NodeFunction(
    "signed-fn",
    {
      entry: "functions/video-meeting/handler.ts",
      namePrefix: "mc-eu",
      kmsKeyArn: key,
      logRetentionInDays: 2192,
      codeSigning: signing,
    },
    { providers: [provider] },
  );
  await valueOf(fn.functionArn);
  await settle();
});

const mine = () =>
  recorded.filter((r) => r.name.startsWith("code-signing") && r.type.startsWith("aws:"));

describe("CodeSigning", () => {
  it("creates exactly the signing profile, the code signing configuration and the private artifact bucket", () => {
    expect(
      mine()
        .map((r) => `${r.type}::${r.name}`)
        .sort(),
    ).toEqual(
      [
        "aws:s3/bucket:Bucket::code-signing-bucket",
        "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock::code-signing-bucket",
        "aws:s3/bucketOwnershipControls:BucketOwnershipControls::code-signing-bucket",
        "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration::code-signing-bucket",
        "aws:s3/bucketVersioning:BucketVersioning::code-signing-bucket",
        "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration::code-signing-bucket",
        "aws:s3/bucketPolicy:BucketPolicy::code-signing-bucket",
        "aws:signer/signingProfile:SigningProfile::code-signing-profile",
        "aws:lambda/codeSigningConfig:CodeSigningConfig::code-signing-config",
      ].sort(),
    );
  });

  it("parents every child to the component, on the provider it was given", async () => {
    const urn = await valueOf(signing.urn);
    expect(urn).toBe("urn:pulumi:test::mediconnect::mediconnect:aws:CodeSigning::code-signing");
    // The component's provider reaches a child only through its parent: a child on test-aws is parented.
    const children = mine().map((r) => [
      r.name,
      r.provider?.split("::").slice(0, -1).join("::").endsWith("pulumi:providers:aws::test-aws"),
    ]);
    expect(children).toEqual(mine().map((r) => [r.name, true]));
    expect(children).toHaveLength(9);
  });

  it("signs for Lambda with a 12-month signature validity by default", () => {
    expect(
      one(recorded, "aws:signer/signingProfile:SigningProfile", "code-signing-profile").inputs,
    ).toEqual({
      namePrefix: "mc_eu_code_signing_",
      platformId: "AWSLambda-SHA384-ECDSA",
      signatureValidityPeriod: { type: "MONTHS", value: 12 },
    });
  });

  it("trusts only the profile's version and enforces it on deployment", () => {
    const config = one(
      recorded,
      "aws:lambda/codeSigningConfig:CodeSigningConfig",
      "code-signing-config",
    ).inputs;
    expect([config.allowedPublishers, config.policies]).toEqual([
      { signingProfileVersionArns: [versionArn] },
      { untrustedArtifactOnDeployment: "Enforce" },
    ]);
  });

  it("exposes the bucket, profile and configuration a NodeFunction needs", async () => {
    expect({
      bucketName: await valueOf(signing.bucketName),
      bucketArn: await valueOf(signing.bucketArn),
      profileName: await valueOf(signing.profileName),
      profileVersionArn: await valueOf(signing.profileVersionArn),
      configArn: await valueOf(signing.configArn),
    }).toEqual({ bucketName, bucketArn, profileName, profileVersionArn: versionArn, configArn });
  });

  it("keeps the artifact bucket private, CMK-encrypted, versioned and TLS-only", () => {
    const child = (type: string) => one(recorded, type, "code-signing-bucket").inputs;
    expect(child("aws:s3/bucket:Bucket")).toEqual({ bucket: bucketName, forceDestroy: false });
    expect(child("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock")).toEqual({
      bucket: bucketName,
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    });
    expect(
      child(
        "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
      ),
    ).toEqual({
      bucket: bucketName,
      rules: [
        {
          applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: key },
          bucketKeyEnabled: true,
        },
      ],
    });
    expect(child("aws:s3/bucketVersioning:BucketVersioning")).toEqual({
      bucket: bucketName,
      versioningConfiguration: { status: "Enabled" },
    });
    expect(child("aws:s3/bucketOwnershipControls:BucketOwnershipControls").rule).toEqual({
      objectOwnership: "BucketOwnerEnforced",
    });
    expect(child("aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration").rules).toEqual(
      [
        {
          id: "expire-replaced-packages",
          status: "Enabled",
          filter: {},
          noncurrentVersionExpiration: { noncurrentDays: 90 },
          abortIncompleteMultipartUpload: { daysAfterInitiation: 7 },
        },
      ],
    );
    const policy = one(recorded, "aws:s3/bucketPolicy:BucketPolicy", "code-signing-bucket");
    expect(statement(policy, "DenyInsecureTransport")).toEqual({
      Sid: "DenyInsecureTransport",
      Effect: "Deny",
      Principal: "*",
      Action: "s3:*",
      Resource: [bucketArn, `${bucketArn}/*`],
      Condition: { Bool: { "aws:SecureTransport": "false" } },
    });
    expect(JSON.parse(policy.inputs.policy).Statement).toHaveLength(1);
  });

  it("is what a NodeFunction deploys through: signed object in, enforcing configuration on", () => {
    const job = one(recorded, "aws:signer/signingJob:SigningJob", "signed-fn-signing").inputs;
    expect(job).toEqual({
      profileName,
      source: {
        s3: {
          bucket: bucketName,
          key: "unsigned/mc-eu-signed-fn.zip",
          version: "signed-fn-package-v1",
        },
      },
      destination: { s3: { bucket: bucketName, prefix: "signed/mc-eu-signed-fn/" } },
      ignoreSigningJobFailure: false,
    });
    const f = one(recorded, "aws:lambda/function:Function", "signed-fn-function").inputs;
    expect([f.codeSigningConfigArn, f.s3Bucket, f.s3Key, f.code]).toEqual([
      configArn,
      bucketName,
      "signed/mc-eu-signed-fn/signed-fn-signing-job.zip",
      undefined,
    ]);
  });

  it.each([
    [
      { signatureValidityMonths: 0 },
      "[signatureValidityMonths] must be a whole number from 1 to 135, received 0",
    ],
    [
      { signatureValidityMonths: 136 },
      "[signatureValidityMonths] must be a whole number from 1 to 135, received 136",
    ],
    [
      { noncurrentVersionExpirationDays: 0.5 },
      "[noncurrentVersionExpirationDays] must be a whole number of at least 1, received 0.5",
    ],
  ])("refuses %j, naming the argument", (override, message) => {
    expect(
      () => new cs.CodeSigning("bad", { namePrefix: "mc", kmsKeyArn: key, ...override }),
    ).toThrow(`CodeSigning bad: ${message}`);
  });

  it("sets the signature validity it is given", async () => {
    new cs.CodeSigning("short", { namePrefix: "mc", kmsKeyArn: key, signatureValidityMonths: 3 });
    await settle();
    expect(
      one(recorded, "aws:signer/signingProfile:SigningProfile", "short-profile").inputs
        .signatureValidityPeriod,
    ).toEqual({ type: "MONTHS", value: 3 });
  });
});
