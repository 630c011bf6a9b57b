import * as elasticache from "@pulumi/aws/elasticache";
import { resourcePolicy } from "../../lib/define";
import { checkEach, mustBeAwsCmk, shown } from "../../lib/conditions";

/**
 * Cached sessions and query results hold PHI; a Redis replication group is unencrypted at rest unless asked (the
 * provider default is false for redis, true only for valkey), and snapshots then leave the cluster in clear (AWS
 * FSBP ElastiCache.4, Checkov CKV_AWS_29/191).
 * @severity high
 * @controls hipaa:164.312(a)(2)(iv), gdpr:art32
 */
export const awsElasticacheReplicationGroupEnableCmkEncryption = resourcePolicy(
  {
    name: "aws-elasticache-replication-group-enable-cmk-encryption",
    description:
      "ElastiCache replication groups must encrypt data at rest with a customer-managed KMS key.",
    severity: "high",
    controls: ["hipaa:164.312(a)(2)(iv)", "gdpr:art32"],
    remediationSteps:
      "Set `atRestEncryptionEnabled: true` and `kmsKeyId: <customer-managed key ARN>` on the aws.elasticache.ReplicationGroup.",
  },
  elasticache.ReplicationGroup,
  (group, { report }) =>
    checkEach(report, [
      () => {
        const engine = group.engine ?? "redis";
        const byDefault = engine === "valkey";
        const value = group.atRestEncryptionEnabled;
        return value === true || (value === undefined && byDefault)
          ? undefined
          : `atRestEncryptionEnabled is ${shown(value, `the provider default for engine ${engine}: ${byDefault}`)}; expected true.`;
      },
      () => mustBeAwsCmk("kmsKeyId", group.kmsKeyId, "the AWS owned default key"),
    ]),
);
