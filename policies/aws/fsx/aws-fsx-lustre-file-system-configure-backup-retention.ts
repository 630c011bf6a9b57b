import * as fsx from "@pulumi/aws/fsx";
import { resourcePolicy } from "../../lib/define";
import { atLeast, checkEach } from "../../lib/conditions";

const minDays = 7;

/**
 * Persistent Lustre file systems keep no automatic backups unless a retention is set (the provider default 0
 * disables them); scratch deployments cannot be backed up at all and should not hold the only copy of PHI.
 * @severity medium
 * @controls hipaa:164.308(a)(7), hipaa:164.312(c)(1)
 */
export const awsFsxLustreFileSystemConfigureBackupRetention = resourcePolicy(
  {
    name: "aws-fsx-lustre-file-system-configure-backup-retention",
    description:
      "FSx for Lustre file systems must be persistent with automatic backups kept at least 7 days.",
    severity: "medium",
    controls: ["hipaa:164.308(a)(7)", "hipaa:164.312(c)(1)"],
    remediationSteps:
      'Use `deploymentType: "PERSISTENT_2"` (or PERSISTENT_1) and set `automaticBackupRetentionDays: 7` or more on the aws.fsx.LustreFileSystem.',
  },
  fsx.LustreFileSystem,
  (fs, { report }) =>
    checkEach(report, [
      () =>
        String(fs.deploymentType ?? "SCRATCH_1").startsWith("SCRATCH")
          ? `deploymentType is ${fs.deploymentType === undefined ? "not set (the provider default SCRATCH_1)" : JSON.stringify(fs.deploymentType)}, which keeps no backups; expected PERSISTENT_1 or PERSISTENT_2.`
          : atLeast(
              "automaticBackupRetentionDays",
              fs.automaticBackupRetentionDays,
              minDays,
              "days",
              "the provider default 0: no automatic backups",
            ),
    ]),
);
