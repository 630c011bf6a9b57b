import * as eks from "@pulumi/aws/eks";
import { resourcePolicy } from "../../lib/define";
import { checkEach, isAnyAddress } from "../../lib/conditions";

/**
 * The Kubernetes API controls every workload and secret of the cluster; the provider leaves it public to 0.0.0.0/0
 * by default (AWS FSBP EKS.1, Checkov CKV_AWS_38/39).
 * @severity high
 * @controls hipaa:164.312(a)(1), hipaa:164.312(e)(1), gdpr:art32
 */
export const awsEksClusterDisallowPublicEndpoint = resourcePolicy(
  {
    name: "aws-eks-cluster-disallow-public-endpoint",
    description: "EKS cluster API endpoints must be private, or public only to named CIDRs.",
    severity: "high",
    controls: ["hipaa:164.312(a)(1)", "hipaa:164.312(e)(1)", "gdpr:art32"],
    remediationSteps:
      "Set `vpcConfig.endpointPublicAccess: false` and `endpointPrivateAccess: true` (or list `publicAccessCidrs` without 0.0.0.0/0) on the aws.eks.Cluster.",
  },
  eks.Cluster,
  (cluster, { report }) =>
    checkEach(report, [
      () => {
        const vpc = cluster.vpcConfig;
        if (vpc?.endpointPublicAccess === false) {
          return undefined;
        }
        const cidrs = vpc?.publicAccessCidrs ?? ["0.0.0.0/0"];
        return cidrs.length === 0 || cidrs.some(isAnyAddress)
          ? `vpcConfig.endpointPublicAccess is ${vpc?.endpointPublicAccess === undefined ? "not set (the provider default true)" : "true"} with publicAccessCidrs ${vpc?.publicAccessCidrs === undefined ? "not set (the provider default 0.0.0.0/0)" : JSON.stringify(cidrs)}; expected a private endpoint or named CIDRs.`
          : undefined;
      },
    ]),
);
