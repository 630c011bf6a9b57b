import * as redshift from "@pulumi/aws/redshift";
import { resourcePolicy } from "../../lib/define";
import { atLeast, checkEach } from "../../lib/conditions";

/**
 * Redshift keeps automated snapshots for 1 day by default; 7 days is the baseline for recovering from a bad load
 * (AWS FSBP Redshift.3, cdk-nag HIPAA RedshiftBackupEnabled).
 * @severity medium
 * @controls hipaa:164.308(a)(7), gdpr:art32
 */
export const awsRedshiftClusterConfigureSnapshotRetention = resourcePolicy(
  {
    name: "aws-redshift-cluster-configure-snapshot-retention",
    description: "Redshift clusters must keep automated snapshots for at least 7 days.",
    severity: "medium",
    controls: ["hipaa:164.308(a)(7)", "gdpr:art32"],
    remediationSteps:
      "Set `automatedSnapshotRetentionPeriod: 7` or more on the aws.redshift.Cluster.",
  },
  redshift.Cluster,
  (cluster, { report }) =>
    checkEach(report, [
      () =>
        atLeast(
          "automatedSnapshotRetentionPeriod",
          cluster.automatedSnapshotRetentionPeriod,
          7,
          "days",
          "the provider default 1",
        ),
    ]),
);
