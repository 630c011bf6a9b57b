import * as docdb from "@pulumi/aws/docdb";
import { resourcePolicy } from "../../lib/define";
import { checkEach } from "../../lib/conditions";

/**
 * With the `tls` parameter disabled, clients of every cluster using the parameter group connect in plaintext and
 * documents travel unencrypted (Checkov CKV_AWS_90). The service default is "enabled".
 * @severity high
 * @controls hipaa:164.312(e)(1), hipaa:164.312(e)(2)(ii), gdpr:art32
 */
export const awsDocdbClusterParameterGroupEnforceTls = resourcePolicy(
  {
    name: "aws-docdb-cluster-parameter-group-enforce-tls",
    description:
      'DocumentDB cluster parameter groups must not set the "tls" parameter to disabled.',
    severity: "high",
    controls: ["hipaa:164.312(e)(1)", "hipaa:164.312(e)(2)(ii)", "gdpr:art32"],
    remediationSteps:
      'Set the "tls" parameter to "enabled" (or "tls1.2+") in the aws.docdb.ClusterParameterGroup, or leave it out (the default is enabled).',
  },
  docdb.ClusterParameterGroup,
  (group, { report }) =>
    checkEach(report, [
      () =>
        (group.parameters ?? [])
          .filter((p) => p.name === "tls" && String(p.value).toLowerCase() === "disabled")
          .map(() => 'parameter tls is "disabled"; expected "enabled", "tls1.2+" or "tls1.3+".'),
    ]),
);
