import * as fsx from "@pulumi/aws/fsx";
import { resourcePolicy } from "../../lib/define";
import { atLeast, checkEach } from "../../lib/conditions";

/**
 * FSx for OpenZFS takes no automatic backups at a retention of 0 days, so deleted or corrupted files cannot be
 * restored (HIPAA contingency plan, AWS Config fsx-resources-protected-by-backup-plan).
 * @severity medium
 * @controls hipaa:164.308(a)(7), hipaa:164.312(c)(1)
 */
export const awsFsxOpenzfsFileSystemConfigureBackupRetention = resourcePolicy(
  {
    name: "aws-fsx-openzfs-file-system-configure-backup-retention",
    description: "FSx for OpenZFS file systems must keep automatic backups for at least 7 days.",
    severity: "medium",
    controls: ["hipaa:164.308(a)(7)", "hipaa:164.312(c)(1)"],
    remediationSteps:
      "Set `automaticBackupRetentionDays: 7` or more (up to 90) on the aws.fsx.OpenZfsFileSystem.",
  },
  fsx.OpenZfsFileSystem,
  (fileSystem, { report }) =>
    checkEach(report, [
      () =>
        atLeast(
          "automaticBackupRetentionDays",
          fileSystem.automaticBackupRetentionDays,
          7,
          "days",
          "the service default 0: no automatic backups",
        ),
    ]),
);
