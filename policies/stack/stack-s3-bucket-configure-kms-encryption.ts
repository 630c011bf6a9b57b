import type { PolicyResource } from "@pulumi/policy";
import { stackPolicy } from "../lib/define";
import { aws } from "./lib/types";
import { attachedTo, ofType, props, Props, judgeEach } from "./lib/resources";

const kmsAlgorithms = ["aws:kms", "aws:kms:dsse"];

/** What is wrong with one rule; undefined when it sets a KMS algorithm and a key. */
function ruleGap(config: PolicyResource, rule: Props): string | undefined {
  const byDefault = rule.applyServerSideEncryptionByDefault;
  if (!byDefault) {
    return "has no applyServerSideEncryptionByDefault";
  }
  if (!kmsAlgorithms.includes(byDefault.sseAlgorithm)) {
    return `uses sseAlgorithm ${JSON.stringify(byDefault.sseAlgorithm ?? null)}`;
  }
  const keyDependency = (config.propertyDependencies?.["rules"] ?? []).length > 0;
  if (
    !keyDependency &&
    (byDefault.kmsMasterKeyId === undefined || byDefault.kmsMasterKeyId === "")
  ) {
    return "sets no kmsMasterKeyId (the AWS managed key aws/s3)";
  }
  return undefined;
}

/**
 * In @pulumi/aws v7 a bucket's default encryption is a separate resource
 * (aws.s3.BucketServerSideEncryptionConfiguration, `bucket` = the bucket's id); checks that read the deprecated
 * inline property see nothing, or the provider's AES256 default. This policy finds each bucket's configuration and
 * requires SSE-KMS with a named key, so encryption with a key the organisation controls is proven, not assumed.
 * @severity high
 * @controls hipaa:164.312(a)(2)(iv), gdpr:art32
 */
export const stackS3BucketConfigureKmsEncryption = stackPolicy(
  {
    name: "stack-s3-bucket-configure-kms-encryption",
    description:
      "Every S3 bucket must have a BucketServerSideEncryptionConfiguration with sseAlgorithm aws:kms and a kmsMasterKeyId.",
    severity: "high",
    controls: ["hipaa:164.312(a)(2)(iv)", "gdpr:art32"],
    remediationSteps:
      'Add `new aws.s3.BucketServerSideEncryptionConfiguration(name, { bucket: bucket.id, rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: key.arn }, bucketKeyEnabled: true }] })`.',
  },
  ({ args, report }) => {
    const configs = ofType(args.resources, aws.bucketEncryption, aws.bucketEncryptionV2);
    judgeEach(ofType(args.resources, aws.bucket, aws.bucketV2), (bucket) => {
      const attached = attachedTo(bucket, configs, "bucket");
      if (attached.length === 0) {
        report(
          `S3 bucket ${bucket.name} has no BucketServerSideEncryptionConfiguration; expected one with sseAlgorithm aws:kms and a kmsMasterKeyId.`,
          bucket.urn,
        );
        return;
      }
      const gaps: string[] = [];
      const compliant = attached.some((config) => {
        const rules: Props[] = props(config).rules ?? [];
        if (rules.length === 0) {
          gaps.push(`${config.name} has no rules`);
        }
        return rules.some((rule) => {
          const gap = ruleGap(config, rule);
          if (gap !== undefined) {
            gaps.push(`${config.name} ${gap}`);
          }
          return gap === undefined;
        });
      });
      if (!compliant) {
        report(
          `S3 bucket ${bucket.name} is not encrypted with a KMS key: ${gaps.join("; ")}; expected sseAlgorithm aws:kms with a kmsMasterKeyId.`,
          bucket.urn,
        );
      }
    });
  },
);
