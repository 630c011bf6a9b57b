import * as efs from "@pulumi/aws/efs";
import { resourcePolicy } from "../../lib/define";
import { checkEach, mustBeAwsCmk, mustBeTrue } from "../../lib/conditions";

/**
 * File shares hold clinical documents and exports; the provider creates EFS file systems unencrypted unless told
 * otherwise, and without a customer-managed key no key policy governs who can read them (AWS FSBP EFS.1, CIS AWS
 * 2.4.1, cdk-nag HIPAA EFSEncrypted).
 * @severity high
 * @controls hipaa:164.312(a)(2)(iv), gdpr:art32
 */
export const awsEfsFileSystemEnableCmkEncryption = resourcePolicy(
  {
    name: "aws-efs-file-system-enable-cmk-encryption",
    description: "EFS file systems must be encrypted at rest with a customer-managed KMS key.",
    severity: "high",
    controls: ["hipaa:164.312(a)(2)(iv)", "gdpr:art32"],
    remediationSteps:
      "Set `encrypted: true` and `kmsKeyId: <customer-managed key ARN>` on the aws.efs.FileSystem (encryption cannot be added later: the file system is replaced).",
  },
  efs.FileSystem,
  (fs, { report }) =>
    checkEach(report, [
      () => mustBeTrue("encrypted", fs.encrypted, "the provider default false: unencrypted"),
      () => mustBeAwsCmk("kmsKeyId", fs.kmsKeyId, "the AWS managed aws/elasticfilesystem key"),
    ]),
);
