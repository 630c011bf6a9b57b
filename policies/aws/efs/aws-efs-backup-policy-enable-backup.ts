import * as efs from "@pulumi/aws/efs";
import { resourcePolicy } from "../../lib/define";
import { checkEach, shown } from "../../lib/conditions";

/**
 * A file system whose backup policy is DISABLED has no recovery point when a share is corrupted or deleted (AWS
 * FSBP EFS.2, cdk-nag HIPAA EFSInBackupPlan).
 * @severity medium
 * @controls hipaa:164.308(a)(7), hipaa:164.312(c)(1)
 */
export const awsEfsBackupPolicyEnableBackup = resourcePolicy(
  {
    name: "aws-efs-backup-policy-enable-backup",
    description: "EFS backup policies must have status ENABLED.",
    severity: "medium",
    controls: ["hipaa:164.308(a)(7)", "hipaa:164.312(c)(1)"],
    remediationSteps: 'Set `backupPolicy: {status: "ENABLED"}` on the aws.efs.BackupPolicy.',
  },
  efs.BackupPolicy,
  (policy, { report }) =>
    checkEach(report, [
      () =>
        policy.backupPolicy?.status === "ENABLED"
          ? undefined
          : `backupPolicy.status is ${shown(policy.backupPolicy?.status)}; expected "ENABLED".`,
    ]),
);
