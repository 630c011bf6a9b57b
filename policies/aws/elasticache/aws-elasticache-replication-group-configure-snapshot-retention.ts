import * as elasticache from "@pulumi/aws/elasticache";
import { resourcePolicy } from "../../lib/define";
import { atLeast, checkEach } from "../../lib/conditions";

/**
 * When the cache is a system of record (sessions, queues) a snapshot is the only recovery point; the provider
 * default retention of 0 days takes none (AWS FSBP ElastiCache.1, Checkov CKV_AWS_134).
 * @severity medium
 * @controls hipaa:164.308(a)(7), hipaa:164.312(c)(1)
 */
export const awsElasticacheReplicationGroupConfigureSnapshotRetention = resourcePolicy(
  {
    name: "aws-elasticache-replication-group-configure-snapshot-retention",
    description: "ElastiCache replication groups must keep automatic snapshots for at least 1 day.",
    severity: "medium",
    controls: ["hipaa:164.308(a)(7)", "hipaa:164.312(c)(1)"],
    remediationSteps:
      "Set `snapshotRetentionLimit: 1` or more (and a `snapshotWindow`) on the aws.elasticache.ReplicationGroup.",
  },
  elasticache.ReplicationGroup,
  (group, { report }) =>
    checkEach(report, [
      () =>
        atLeast(
          "snapshotRetentionLimit",
          group.snapshotRetentionLimit,
          1,
          "day",
          "the provider default 0: no automatic snapshots",
        ),
    ]),
);
