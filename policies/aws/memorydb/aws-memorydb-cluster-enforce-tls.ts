import * as memorydb from "@pulumi/aws/memorydb";
import { resourcePolicy } from "../../lib/define";
import { checkEach, shown } from "../../lib/conditions";

/**
 * Turning TLS off on MemoryDB also forces the open-access ACL, so every client reads PHI in clear without a
 * password (Checkov CKV_AWS_201).
 * @severity high
 * @controls hipaa:164.312(e)(2)(ii), hipaa:164.312(e)(1), gdpr:art32
 */
export const awsMemorydbClusterEnforceTls = resourcePolicy(
  {
    name: "aws-memorydb-cluster-enforce-tls",
    description: "MemoryDB clusters must keep TLS on and must not use the open-access ACL.",
    severity: "high",
    controls: ["hipaa:164.312(e)(2)(ii)", "hipaa:164.312(e)(1)", "gdpr:art32"],
    remediationSteps:
      'Leave `tlsEnabled` unset or true and set `aclName` to an ACL with users (not "open-access") on the aws.memorydb.Cluster.',
  },
  memorydb.Cluster,
  (cluster, { report }) =>
    checkEach(report, [
      () =>
        cluster.tlsEnabled === false
          ? `tlsEnabled is false; expected true (the provider default).`
          : undefined,
      () =>
        cluster.aclName === "open-access"
          ? `aclName is ${shown(cluster.aclName)}, which lets any client connect without a password; expected an ACL with named users.`
          : undefined,
    ]),
);
