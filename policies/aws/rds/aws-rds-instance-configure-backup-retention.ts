import * as rds from "@pulumi/aws/rds";
import { resourcePolicy } from "../../lib/define";
import { backupRetentionSchema, checkBackupRetention } from "../lib/rds";

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
    configSchema: backupRetentionSchema,
  },
  rds.Instance,
  checkBackupRetention,
);
