import * as s3 from "@pulumi/aws/s3";
import { resourcePolicy } from "../../lib/define";
import { isAwsManagedKey, shown } from "../lib/format";

/**
 * SSE-S3 (AES256) encrypts with keys nobody outside S3 controls or audits; a customer-managed KMS key puts every
 * decryption of a PHI object under the key policy and in CloudTrail. In @pulumi/aws v7 default encryption is this
 * separate resource.
 * @severity high
 * @controls hipaa:164.312(a)(2)(iv), gdpr:art32
 */
export const awsS3BucketServerSideEncryptionConfigurationEnableKms = resourcePolicy(
  {
    name: "aws-s3-bucket-server-side-encryption-configuration-enable-kms",
    description: "S3 default encryption must use aws:kms with a customer-managed key.",
    severity: "high",
    controls: ["hipaa:164.312(a)(2)(iv)", "gdpr:art32"],
    remediationSteps:
      'Set `rules: [{applyServerSideEncryptionByDefault: {sseAlgorithm: "aws:kms", kmsMasterKeyId: <key ARN>}, bucketKeyEnabled: true}]` on the aws.s3.BucketServerSideEncryptionConfiguration.',
  },
  s3.BucketServerSideEncryptionConfiguration,
  (config, { report }) => {
    config.rules.forEach((rule, i) => {
      const byDefault = rule.applyServerSideEncryptionByDefault;
      const algorithm = byDefault?.sseAlgorithm;
      if (algorithm !== "aws:kms" && algorithm !== "aws:kms:dsse") {
        report(
          `rules[${i}].applyServerSideEncryptionByDefault.sseAlgorithm is ${shown(algorithm)}; expected "aws:kms" with a kmsMasterKeyId.`,
        );
        return;
      }
      const key = byDefault?.kmsMasterKeyId;
      if (key === undefined || isAwsManagedKey(key)) {
        report(
          `rules[${i}].applyServerSideEncryptionByDefault.kmsMasterKeyId is ${shown(key)}${key === undefined ? " (the AWS managed aws/s3 key)" : ", an AWS managed key"}; expected a customer-managed KMS key.`,
        );
      }
    });
  },
);
