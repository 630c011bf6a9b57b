import * as backup from "@pulumi/aws/backup";
import { resourcePolicy } from "../../lib/define";
import { checkEach, mustBeAwsCmk } from "../../lib/conditions";

/**
 * Recovery points are full copies of PHI stores; a vault without a named key encrypts them with the AWS managed
 * aws/backup key, outside the platform's key policy (Checkov CKV_AWS_166).
 * @severity high
 * @controls hipaa:164.312(a)(2)(iv), gdpr:art32
 */
export const awsBackupVaultEnableCmkEncryption = resourcePolicy(
  {
    name: "aws-backup-vault-enable-cmk-encryption",
    description: "AWS Backup vaults must encrypt recovery points with a customer-managed KMS key.",
    severity: "high",
    controls: ["hipaa:164.312(a)(2)(iv)", "gdpr:art32"],
    remediationSteps: "Set `kmsKeyArn: <customer-managed key ARN>` on the aws.backup.Vault.",
  },
  backup.Vault,
  (vault, { report }) =>
    checkEach(report, [
      () => mustBeAwsCmk("kmsKeyArn", vault.kmsKeyArn, "the AWS managed aws/backup key"),
    ]),
);
