import * as eks from "@pulumi/aws/eks";
import { resourcePolicy } from "../../lib/define";
import { checkEach } from "../../lib/conditions";

const required = ["api", "audit", "authenticator"];

/**
 * The Kubernetes audit and authenticator logs are the only record of who read a Secret or exec'd into a pod holding
 * PHI; EKS sends no control plane logs unless asked (AWS FSBP EKS.8, Checkov CKV_AWS_37).
 * @severity medium
 * @controls hipaa:164.312(b), hipaa:164.308(a)(1)(ii)(D), gdpr:art33
 */
export const awsEksClusterEnableControlPlaneLogs = resourcePolicy(
  {
    name: "aws-eks-cluster-enable-control-plane-logs",
    description:
      "EKS clusters must send the api, audit and authenticator control plane logs to CloudWatch Logs.",
    severity: "medium",
    controls: ["hipaa:164.312(b)", "hipaa:164.308(a)(1)(ii)(D)", "gdpr:art33"],
    remediationSteps:
      'Set `enabledClusterLogTypes: ["api", "audit", "authenticator", "controllerManager", "scheduler"]` on the aws.eks.Cluster.',
  },
  eks.Cluster,
  (cluster, { report }) =>
    checkEach(report, [
      () => {
        const missing = required.filter((t) => !(cluster.enabledClusterLogTypes ?? []).includes(t));
        return missing.length === 0
          ? undefined
          : `enabledClusterLogTypes is missing ${missing.join(", ")}; expected ${required.join(", ")}.`;
      },
    ]),
);
