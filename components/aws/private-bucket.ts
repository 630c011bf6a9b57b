import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { denyInsecureTransport } from "./statements";

export interface PrivateBucketArgs {
  /** The bucket's physical name (global: include the account id). */
  readonly bucket: pulumi.Input<string>;
  /** The customer-managed key of the bucket's default encryption (SSE-KMS with an S3 bucket key). */
  readonly kmsKeyArn: pulumi.Input<string>;
  /** Lifecycle rules; every private bucket states how long its objects and their old versions live. */
  readonly lifecycleRules: pulumi.Input<aws.types.input.s3.BucketLifecycleConfigurationRule>[];
  /**
   * Creates the bucket with object lock enabled (the retention itself is the caller's
   * aws.s3.BucketObjectLockConfiguration).
   * @default false
   */
  readonly objectLockEnabled?: boolean;
  /**
   * Statements added to the bucket policy after the one that denies requests without TLS.
   * @default none
   */
  readonly policyStatements?: (bucketArn: pulumi.Output<string>) => readonly object[];
  /** Extra tags. @default none */
  readonly tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

/** The bucket and the children other resources may need to wait for. */
export interface PrivateBucket {
  readonly bucket: aws.s3.Bucket;
  readonly publicAccess: aws.s3.BucketPublicAccessBlock;
  readonly encryption: aws.s3.BucketServerSideEncryptionConfiguration;
  readonly versioning: aws.s3.BucketVersioning;
  readonly policy: aws.s3.BucketPolicy;
}

/**
 * A private S3 bucket as the platform's components build it with the @pulumi/aws v7 resources: every public access
 * setting blocked, owner-enforced object ownership (no ACLs), SSE-KMS with the given key, versioning, the given
 * lifecycle and a bucket policy that denies requests without TLS. Every child is named `<name>-bucket` and parented
 * to `parent`, so a component keeps its resource names when it moves to this helper.
 */
export function privateBucket(
  name: string,
  args: PrivateBucketArgs,
  parent: pulumi.Resource,
): PrivateBucket {
  const child = { parent };
  const childName = `${name}-bucket`;
  const bucket = new aws.s3.Bucket(
    childName,
    {
      bucket: args.bucket,
      ...(args.objectLockEnabled ? { objectLockEnabled: true } : {}),
      forceDestroy: false,
      tags: args.tags,
    },
    child,
  );
  const publicAccess = new aws.s3.BucketPublicAccessBlock(
    childName,
    {
      bucket: bucket.id,
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    },
    child,
  );
  new aws.s3.BucketOwnershipControls(
    childName,
    { bucket: bucket.id, rule: { objectOwnership: "BucketOwnerEnforced" } },
    child,
  );
  const encryption = new aws.s3.BucketServerSideEncryptionConfiguration(
    childName,
    {
      bucket: bucket.id,
      rules: [
        {
          applyServerSideEncryptionByDefault: {
            sseAlgorithm: "aws:kms",
            kmsMasterKeyId: args.kmsKeyArn,
          },
          bucketKeyEnabled: true,
        },
      ],
    },
    child,
  );
  const versioning = new aws.s3.BucketVersioning(
    childName,
    { bucket: bucket.id, versioningConfiguration: { status: "Enabled" } },
    child,
  );
  new aws.s3.BucketLifecycleConfiguration(
    childName,
    { bucket: bucket.id, rules: args.lifecycleRules },
    { parent, dependsOn: [versioning] },
  );
  const policy = new aws.s3.BucketPolicy(
    childName,
    {
      bucket: bucket.id,
      policy: pulumi.jsonStringify({
        Version: "2012-10-17",
        Statement: [
          denyInsecureTransport("s3:*", [bucket.arn, pulumi.interpolate`${bucket.arn}/*`]),
          ...(args.policyStatements?.(bucket.arn) ?? []),
        ],
      }),
    },
    { parent, dependsOn: [publicAccess] },
  );
  return { bucket, publicAccess, encryption, versioning, policy };
}
