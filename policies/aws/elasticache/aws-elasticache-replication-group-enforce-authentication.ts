import * as elasticache from "@pulumi/aws/elasticache";
import { resourcePolicy } from "../../lib/define";
import { checkEach } from "../../lib/conditions";

/**
 * A Redis or Valkey group without an AUTH token or RBAC user group lets anything that reaches the port read every
 * cached record (AWS FSBP ElastiCache.6, Checkov CKV_AWS_31).
 * @severity high
 * @controls hipaa:164.312(d), hipaa:164.312(a)(1), gdpr:art32
 */
export const awsElasticacheReplicationGroupEnforceAuthentication = resourcePolicy(
  {
    name: "aws-elasticache-replication-group-enforce-authentication",
    description:
      "ElastiCache replication groups must require authentication (authToken, authTokenWo or userGroupIds).",
    severity: "high",
    controls: ["hipaa:164.312(d)", "hipaa:164.312(a)(1)", "gdpr:art32"],
    remediationSteps:
      "Set `userGroupIds: [<user group id>]` (RBAC) or an `authToken` from a secret on the aws.elasticache.ReplicationGroup; both require transit encryption.",
  },
  elasticache.ReplicationGroup,
  (group, { report }) =>
    checkEach(report, [
      () =>
        [group.authToken, group.authTokenWo].some((t) => typeof t === "string" && t !== "") ||
        (group.userGroupIds ?? []).length > 0
          ? undefined
          : "authToken, authTokenWo and userGroupIds are not set, so clients connect without authenticating; expected an AUTH token or an RBAC user group.",
    ]),
);
