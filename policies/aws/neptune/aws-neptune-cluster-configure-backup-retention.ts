import * as neptune from "@pulumi/aws/neptune";
import { resourcePolicy } from "../../lib/define";
import { atLeast, checkEach } from "../../lib/conditions";

/**
 * Neptune keeps backups for 1 day by default; a week is the minimum to recover from a corruption found late (AWS
 * FSBP Neptune.5).
 * @severity medium
 * @controls hipaa:164.308(a)(7), gdpr:art32
 */
export const awsNeptuneClusterConfigureBackupRetention = resourcePolicy(
  {
    name: "aws-neptune-cluster-configure-backup-retention",
    description: "Neptune clusters must keep backups for at least 7 days.",
    severity: "medium",
    controls: ["hipaa:164.308(a)(7)", "gdpr:art32"],
    remediationSteps: "Set `backupRetentionPeriod: 7` or more on the aws.neptune.Cluster.",
  },
  neptune.Cluster,
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
