import * as elasticache from "@pulumi/aws/elasticache";
import { resourcePolicy } from "../../lib/define";
import { checkEach, mustBeTrue, shown } from "../../lib/conditions";

/**
 * Cache traffic between clients and nodes carries PHI; without transit encryption (off unless enabled) or with the
 * 'preferred' mode that still accepts plaintext clients, it crosses the VPC in clear (AWS FSBP ElastiCache.5,
 * Checkov CKV_AWS_30).
 * @severity high
 * @controls hipaa:164.312(e)(2)(ii), hipaa:164.312(e)(1), gdpr:art32
 */
export const awsElasticacheReplicationGroupEnableTransitEncryption = resourcePolicy(
  {
    name: "aws-elasticache-replication-group-enable-transit-encryption",
    description:
      "ElastiCache replication groups must require TLS (transitEncryptionEnabled true, mode not preferred).",
    severity: "high",
    controls: ["hipaa:164.312(e)(2)(ii)", "hipaa:164.312(e)(1)", "gdpr:art32"],
    remediationSteps:
      'Set `transitEncryptionEnabled: true` (and `transitEncryptionMode: "required"` when set) on the aws.elasticache.ReplicationGroup.',
  },
  elasticache.ReplicationGroup,
  (group, { report }) =>
    checkEach(report, [
      () =>
        mustBeTrue(
          "transitEncryptionEnabled",
          group.transitEncryptionEnabled,
          "the provider default false",
        ),
      () =>
        group.transitEncryptionMode === "preferred"
          ? `transitEncryptionMode is ${shown(group.transitEncryptionMode)}, which still accepts unencrypted clients; expected "required".`
          : undefined,
    ]),
);
