import * as redshift from "@pulumi/aws/redshift";
import { resourcePolicy } from "../../lib/define";
import { checkEach } from "../../lib/conditions";

/**
 * A publicly accessible cluster gets an internet-routable address; a warehouse of PHI must be reachable only from
 * private networks (AWS FSBP Redshift.1, Checkov CKV_AWS_87).
 * @severity critical
 * @controls hipaa:164.312(a)(1), hipaa:164.312(e)(1), gdpr:art32
 */
export const awsRedshiftClusterDisablePublicAccess = resourcePolicy(
  {
    name: "aws-redshift-cluster-disable-public-access",
    description: "Redshift clusters must not be publicly accessible.",
    severity: "critical",
    controls: ["hipaa:164.312(a)(1)", "hipaa:164.312(e)(1)", "gdpr:art32"],
    remediationSteps:
      "Set `publiclyAccessible: false` (the provider default) on the aws.redshift.Cluster.",
  },
  redshift.Cluster,
  (cluster, { report }) =>
    checkEach(report, [
      () =>
        cluster.publiclyAccessible === true
          ? "publiclyAccessible is true; expected false (the provider default)."
          : undefined,
    ]),
);
