import * as neptune from "@pulumi/aws/neptune";
import { resourcePolicy } from "../../lib/define";
import { checkEach, mustBeTrue } from "../../lib/conditions";

/**
 * Without IAM database authentication any client inside the VPC that reaches the endpoint can query the graph; with
 * it every request is signed by an identity (AWS FSBP Neptune.7).
 * @severity high
 * @controls hipaa:164.312(d), hipaa:164.312(a)(1), gdpr:art32
 */
export const awsNeptuneClusterEnableIamAuthentication = resourcePolicy(
  {
    name: "aws-neptune-cluster-enable-iam-authentication",
    description: "Neptune clusters must enable IAM database authentication.",
    severity: "high",
    controls: ["hipaa:164.312(d)", "hipaa:164.312(a)(1)", "gdpr:art32"],
    remediationSteps: "Set `iamDatabaseAuthenticationEnabled: true` on the aws.neptune.Cluster.",
  },
  neptune.Cluster,
  (cluster, { report }) =>
    checkEach(report, [
      () =>
        mustBeTrue(
          "iamDatabaseAuthenticationEnabled",
          cluster.iamDatabaseAuthenticationEnabled,
          "the provider default false",
        ),
    ]),
);
