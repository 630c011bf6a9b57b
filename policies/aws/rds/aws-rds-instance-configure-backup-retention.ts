import * as rds from "@pulumi/aws/rds";
import { resourcePolicy } from "../../lib/define";
import { configOf, shown } from "../lib/format";

/**
 * Automated backups are what point-in-time restore uses; fewer than seven days leaves too little time to notice
 * corruption or a malicious change before the last good copy expires.
 * @severity medium
 * @controls hipaa:164.308(a)(7), gdpr:art32
 */
export const awsRdsInstanceConfigureBackupRetention = resourcePolicy(
  {
    name: "aws-rds-instance-configure-backup-retention",
    description:
      "RDS instances must keep automated backups for at least the configured days (7 by default).",
    severity: "medium",
    controls: ["hipaa:164.308(a)(7)", "gdpr:art32"],
    remediationSteps: "Set `backupRetentionPeriod: 7` or more (up to 35) on the aws.rds.Instance.",
    configSchema: {
      properties: {
        minBackupRetentionDays: {
          type: "integer",
          minimum: 1,
          maximum: 35,
          default: 7,
          description: "Shortest automated backup retention allowed.",
        },
      },
    },
  },
  rds.Instance,
  (db, { args, report }) => {
    const { minBackupRetentionDays } = configOf(args, { minBackupRetentionDays: 7 });
    const days = db.backupRetentionPeriod;
    if (days === undefined || days < minBackupRetentionDays) {
      report(
        `backupRetentionPeriod is ${shown(days)}; expected at least ${minBackupRetentionDays} days.`,
      );
    }
  },
);
