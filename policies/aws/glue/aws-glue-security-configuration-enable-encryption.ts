import * as glue from "@pulumi/aws/glue";
import { resourcePolicy } from "../../lib/define";
import { checkEach, shown } from "../../lib/conditions";

/**
 * Glue jobs write PHI to S3, their logs to CloudWatch and their progress to job bookmarks; a security configuration
 * must encrypt all three with KMS (Checkov CKV_AWS_99, cdk-nag HIPAA GlueEncryptedCloudWatchLogs /
 * GlueJobBookmarkEncrypted).
 * @severity high
 * @controls hipaa:164.312(a)(2)(iv), gdpr:art32
 */
export const awsGlueSecurityConfigurationEnableEncryption = resourcePolicy(
  {
    name: "aws-glue-security-configuration-enable-encryption",
    description:
      "Glue security configurations must encrypt S3 output (SSE-KMS), CloudWatch logs (SSE-KMS) and job bookmarks (CSE-KMS).",
    severity: "high",
    controls: ["hipaa:164.312(a)(2)(iv)", "gdpr:art32"],
    remediationSteps:
      'Set `s3Encryption: {s3EncryptionMode: "SSE-KMS", kmsKeyArn}`, `cloudwatchEncryption: {cloudwatchEncryptionMode: "SSE-KMS", kmsKeyArn}` and `jobBookmarksEncryption: {jobBookmarksEncryptionMode: "CSE-KMS", kmsKeyArn}` on the aws.glue.SecurityConfiguration.',
  },
  glue.SecurityConfiguration,
  (config, { report }) => {
    const enc = config.encryptionConfiguration;
    checkEach(report, [
      () =>
        enc.s3Encryption.s3EncryptionMode === "SSE-KMS"
          ? undefined
          : `s3Encryption.s3EncryptionMode is ${shown(enc.s3Encryption.s3EncryptionMode, "DISABLED")}; expected "SSE-KMS".`,
      () =>
        enc.cloudwatchEncryption.cloudwatchEncryptionMode === "SSE-KMS"
          ? undefined
          : `cloudwatchEncryption.cloudwatchEncryptionMode is ${shown(enc.cloudwatchEncryption.cloudwatchEncryptionMode, "DISABLED")}; expected "SSE-KMS".`,
      () =>
        enc.jobBookmarksEncryption.jobBookmarksEncryptionMode === "CSE-KMS"
          ? undefined
          : `jobBookmarksEncryption.jobBookmarksEncryptionMode is ${shown(enc.jobBookmarksEncryption.jobBookmarksEncryptionMode, "DISABLED")}; expected "CSE-KMS".`,
    ]);
  },
);
