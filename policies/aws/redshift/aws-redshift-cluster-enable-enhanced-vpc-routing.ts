import * as redshift from "@pulumi/aws/redshift";
import { resourcePolicy } from "../../lib/define";
import { checkEach, mustBeTrue } from "../../lib/conditions";

/**
 * Without enhanced VPC routing COPY and UNLOAD traffic leaves the VPC over the internet path, outside the
 * platform's endpoints, security groups and flow logs (AWS FSBP Redshift.7, cdk-nag HIPAA
 * RedshiftEnhancedVPCRoutingEnabled).
 * @severity medium
 * @controls hipaa:164.312(e)(1), gdpr:art32
 */
export const awsRedshiftClusterEnableEnhancedVpcRouting = resourcePolicy(
  {
    name: "aws-redshift-cluster-enable-enhanced-vpc-routing",
    description: "Redshift clusters must enable enhanced VPC routing.",
    severity: "medium",
    controls: ["hipaa:164.312(e)(1)", "gdpr:art32"],
    remediationSteps: "Set `enhancedVpcRouting: true` on the aws.redshift.Cluster.",
  },
  redshift.Cluster,
  (cluster, { report }) =>
    checkEach(report, [
      () =>
        mustBeTrue("enhancedVpcRouting", cluster.enhancedVpcRouting, "the provider default false"),
    ]),
);
