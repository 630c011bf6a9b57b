import * as docdb from "@pulumi/aws/docdb";
import { resourcePolicy } from "../../lib/define";
import { atLeast, checkEach } from "../../lib/conditions";

/**
 * The provider keeps DocumentDB backups for 1 day by default, too short to notice and undo a corruption or a faulty
 * migration (AWS FSBP DocumentDB.2).
 * @severity medium
 * @controls hipaa:164.308(a)(7), gdpr:art32
 */
export const awsDocdbClusterConfigureBackupRetention = resourcePolicy(
  {
    name: "aws-docdb-cluster-configure-backup-retention",
    description: "DocumentDB clusters must keep backups for at least 7 days.",
    severity: "medium",
    controls: ["hipaa:164.308(a)(7)", "gdpr:art32"],
    remediationSteps: "Set `backupRetentionPeriod: 7` or more on the aws.docdb.Cluster.",
  },
  docdb.Cluster,
  (cluster, { report }) =>
    checkEach(report, [
      () =>
        atLeast(
          "backupRetentionPeriod",
          cluster.backupRetentionPeriod,
          7,
          "days",
          "the provider default 1",
        ),
    ]),
);
