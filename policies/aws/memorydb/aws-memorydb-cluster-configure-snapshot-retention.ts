import * as memorydb from "@pulumi/aws/memorydb";
import { resourcePolicy } from "../../lib/define";
import { atLeast, checkEach } from "../../lib/conditions";

/**
 * MemoryDB takes no automatic snapshots at the provider default retention of 0 days, so a bad write or deletion
 * cannot be undone.
 * @severity medium
 * @controls hipaa:164.308(a)(7), hipaa:164.312(c)(1)
 */
export const awsMemorydbClusterConfigureSnapshotRetention = resourcePolicy(
  {
    name: "aws-memorydb-cluster-configure-snapshot-retention",
    description: "MemoryDB clusters must keep automatic snapshots for at least 1 day.",
    severity: "medium",
    controls: ["hipaa:164.308(a)(7)", "hipaa:164.312(c)(1)"],
    remediationSteps: "Set `snapshotRetentionLimit: 1` or more on the aws.memorydb.Cluster.",
  },
  memorydb.Cluster,
  (cluster, { report }) =>
    checkEach(report, [
      () =>
        atLeast(
          "snapshotRetentionLimit",
          cluster.snapshotRetentionLimit,
          1,
          "day",
          "the provider default 0: no automatic snapshots",
        ),
    ]),
);
