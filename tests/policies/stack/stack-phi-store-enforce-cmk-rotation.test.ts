import { stackPhiStoreEnforceCmkRotation as policy } from "../../../policies/stack";
import { checkStack, unknown } from "../harness";
import {
  awsProvider,
  controls,
  gcpProvider,
  kmsKey,
  phiLabels,
  resource,
  s3Bucket,
} from "./fixtures";

const c = controls.cmk;
const key = kmsKey();
const alias = resource("aws:kms/alias:Alias", "phi-alias", {
  name: "alias/mc-eu-phi",
  arn: "arn:aws:kms:eu-central-1:210987654321:alias/mc-eu-phi",
  targetKeyId: key.props.keyId,
});
const table = (
  sse: Record<string, unknown>,
  extra: Record<string, unknown> = {},
  deps?: Record<string, string[]>,
) =>
  resource(
    "aws:dynamodb/table:Table",
    "appointments-table",
    { name: "appointments", serverSideEncryption: sse, ...extra },
    deps,
  );
const bucket = s3Bucket("mc-eu-audit");
const sse = (kmsMasterKeyId: unknown) =>
  resource(
    "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
    "audit-sse",
    {
      bucket: unknown,
      rules: [
        {
          applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId },
          bucketKeyEnabled: true,
        },
      ],
    },
    { bucket: [bucket.urn] },
  );
const ring = "projects/mediconnect-prod-eu/locations/europe-west3/keyRings/phi-ring";
const cryptoKey = (rotationPeriod?: string) =>
  resource("gcp:kms/cryptoKey:CryptoKey", "phi-ckey", {
    keyRing: ring,
    name: "phi-key",
    ...(rotationPeriod ? { rotationPeriod } : {}),
  });
const dataset = resource("gcp:bigquery/dataset:Dataset", "vitals", {
  datasetId: "vitals",
  location: "EU",
  defaultEncryptionConfiguration: { kmsKeyName: `${ring}/cryptoKeys/phi-key` },
});
const vaultKey = (actions: unknown[]) =>
  resource("azure-native:keyvault:Key", "phi-vkey", {
    keyName: "phi-key",
    vaultName: "mc-eu-phi",
    keyUri: "https://mc-eu-phi.vault.azure.net/keys/phi-key",
    properties: { kty: "RSA", keySize: 3072, rotationPolicy: { lifetimeActions: actions } },
  });
const rotate = [{ action: { type: "rotate" }, trigger: { timeAfterCreate: "P90D" } }];
const fhir = resource("azure-native:healthcareapis:FhirService", "fhir", {
  kind: "fhir-R4",
  tags: phiLabels,
  encryption: {
    customerManagedKeyEncryption: {
      keyEncryptionKeyUrl: "https://mc-eu-phi.vault.azure.net/keys/phi-key/0123abcd",
    },
  },
});
const storage = resource("azure-native:storage:StorageAccount", "phistore", {
  tags: phiLabels,
  encryption: {
    keySource: "Microsoft.Keyvault",
    keyVaultProperties: { keyName: "phi-key", keyVaultUri: "https://mc-eu-phi.vault.azure.net/" },
  },
});

describe("stack-phi-store-enforce-cmk-rotation", () => {
  it("passes stores on every cloud whose keys are in the stack and rotate (ARN, alias, S3 by dependency, CryptoKey id, Key Vault URI)", async () => {
    const out = await checkStack(policy, [
      awsProvider(),
      gcpProvider(),
      key,
      alias,
      table({ enabled: true, kmsKeyArn: key.props.arn }),
      resource("aws:kinesis/stream:Stream", "vitals-stream", {
        encryptionType: "KMS",
        kmsKeyId: "alias/mc-eu-phi",
      }),
      bucket,
      sse(key.props.arn),
      cryptoKey("7776000s"),
      dataset,
      vaultKey(rotate),
      fhir,
      storage,
    ]);
    expect(out).toEqual({ violations: [], byUrn: [], indeterminate: false });
  });

  it("reports each PHI store on its own URN: no CMK, AWS managed key, key outside the stack, key without rotation", async () => {
    const queue = resource("aws:sqs/queue:Queue", "dlq", { sqsManagedSseEnabled: true });
    const topic = resource("aws:sns/topic:Topic", "alerts", { kmsMasterKeyId: "alias/aws/sns" });
    const logs = resource("aws:cloudwatch/logGroup:LogGroup", "trail-logs", {
      kmsKeyId: "arn:aws:kms:eu-central-1:111122223333:key/ffffffff-0000-0000-0000-000000000000",
    });
    const norotate = kmsKey("norotate-key", { enableKeyRotation: false });
    const out = await checkStack(policy, [
      awsProvider(),
      gcpProvider(),
      norotate,
      table({ enabled: true, kmsKeyArn: norotate.props.arn }),
      queue,
      topic,
      logs,
      cryptoKey(),
      dataset,
      vaultKey([]),
      fhir,
    ]);
    expect(out.byUrn).toEqual([
      {
        urn: "urn:pulumi:test::test::aws:dynamodb/table:Table::appointments-table",
        message: `PHI DynamoDB table appointments-table is encrypted with key norotate-key, which does not rotate (enableKeyRotation is false); expected automatic rotation. ${c}`,
      },
      {
        urn: queue.urn,
        message: `PHI SQS queue dlq is not encrypted with a customer-managed key: kmsMasterKeyId is not set (SQS-managed or no encryption); expected a reference to a rotating key in the stack. ${c}`,
      },
      {
        urn: topic.urn,
        message: `PHI SNS topic alerts uses the provider-managed key "alias/aws/sns", not a customer-managed key; expected a rotating key in the stack. ${c}`,
      },
      {
        urn: logs.urn,
        message: `PHI CloudWatch log group trail-logs uses key "arn:aws:kms:eu-central-1:111122223333:key/ffffffff-0000-0000-0000-000000000000", which is not a resource in this stack, so its rotation cannot be verified; define the key in the stack or list it in allowedExternalKeys. ${c}`,
      },
      {
        urn: dataset.urn,
        message: `PHI BigQuery dataset vitals is encrypted with key phi-ckey, which does not rotate (rotationPeriod is not set); expected automatic rotation. ${c}`,
      },
      {
        urn: fhir.urn,
        message: `PHI FHIR service fhir is encrypted with key phi-vkey, which does not rotate (properties.rotationPolicy has no rotate action); expected automatic rotation. ${c}`,
      },
    ]);
  });

  it.each([
    ["cmk", ["dlq", "alerts"]],
    ["encrypted", ["dlq"]],
  ])(
    "with cmkRequirement %s, reports only the stores below that level",
    async (cmkRequirement, names) => {
      const norotate = kmsKey("norotate-key", { enableKeyRotation: false });
      const out = await checkStack(
        policy,
        [
          awsProvider(),
          norotate,
          table({ enabled: true, kmsKeyArn: norotate.props.arn }),
          resource("aws:sqs/queue:Queue", "dlq", { sqsManagedSseEnabled: true }),
          resource("aws:sns/topic:Topic", "alerts", { kmsMasterKeyId: "alias/aws/sns" }),
          resource("aws:cloudwatch/logGroup:LogGroup", "trail-logs", {
            kmsKeyId:
              "arn:aws:kms:eu-central-1:111122223333:key/ffffffff-0000-0000-0000-000000000000",
          }),
        ],
        { cmkRequirement },
      );
      expect(out.byUrn.map((v) => v.urn.split("::").pop())).toEqual(names);
    },
  );

  it("reports a bucket without an encryption configuration (property absent) and a table without serverSideEncryption", async () => {
    const out = await checkStack(policy, [
      awsProvider(),
      bucket,
      resource("aws:dynamodb/table:Table", "plain", {}),
    ]);
    expect(out.byUrn).toEqual([
      {
        urn: bucket.urn,
        message: `PHI S3 bucket mc-eu-audit is not encrypted with a customer-managed key: no BucketServerSideEncryptionConfiguration refers to it; expected a reference to a rotating key in the stack. ${c}`,
      },
      {
        urn: "urn:pulumi:test::test::aws:dynamodb/table:Table::plain",
        message: `PHI DynamoDB table plain is not encrypted with a customer-managed key: serverSideEncryption is not enabled (AWS owned key); expected a reference to a rotating key in the stack. ${c}`,
      },
    ]);
  });

  it("treats unlabelled stores as PHI by default, and not when unlabelledIsPhi is false", async () => {
    const queue = resource("aws:sqs/queue:Queue", "scratch", {});
    expect((await checkStack(policy, [queue])).violations).toHaveLength(1);
    expect((await checkStack(policy, [queue], { unlabelledIsPhi: false })).violations).toEqual([]);
  });

  it("skips stores classified as something other than phi, through their own tags or the provider's default tags", async () => {
    const queue = resource("aws:sqs/queue:Queue", "public-feed", {
      tags: { "data-classification": "public" },
    });
    expect((await checkStack(policy, [awsProvider(), queue])).violations).toEqual([]);
    const internal = awsProvider({ ...phiLabels, "data-classification": "internal" });
    expect(
      (await checkStack(policy, [internal, resource("aws:sqs/queue:Queue", "q", {})])).violations,
    ).toEqual([]);
  });

  it("accepts an external key listed in allowedExternalKeys", async () => {
    const external =
      "arn:aws:kms:eu-central-1:111122223333:key/ffffffff-0000-0000-0000-000000000000";
    const logs = resource("aws:cloudwatch/logGroup:LogGroup", "trail-logs", { kmsKeyId: external });
    expect(
      (await checkStack(policy, [awsProvider(), logs], { allowedExternalKeys: [external] }))
        .violations,
    ).toEqual([]);
  });

  it("decides on the dependency when the key ARN is unknown during preview", async () => {
    const out = await checkStack(policy, [
      awsProvider(),
      key,
      table({ enabled: true, kmsKeyArn: unknown }, {}, { serverSideEncryption: [key.urn] }),
    ]);
    expect(out).toEqual({ violations: [], byUrn: [], indeterminate: false });
  });

  it("is indeterminate, never passing, when the key reference is unknown and no dependency names the key", async () => {
    const out = await checkStack(policy, [
      awsProvider(),
      key,
      table({ enabled: true, kmsKeyArn: unknown }),
    ]);
    expect(out.indeterminate).toBe(true);
    expect(out.violations).toEqual([]);
  });

  it("is indeterminate when the key's rotation setting is unknown", async () => {
    const k = kmsKey("phi-key", { enableKeyRotation: unknown });
    const out = await checkStack(policy, [
      awsProvider(),
      k,
      table({ enabled: true, kmsKeyArn: k.props.arn }),
    ]);
    expect(out.indeterminate).toBe(true);
  });
});
