import * as eks from "@pulumi/aws/eks";
import { resourcePolicy } from "../../lib/define";
import { checkEach } from "../../lib/conditions";

/**
 * A node group given an SSH key without source security groups opens port 22 on every node to 0.0.0.0/0
 * (Checkov CKV_AWS_100); nodes hold the pods' PHI in memory and on disk.
 * @severity high
 * @controls hipaa:164.312(a)(1), hipaa:164.312(e)(1), gdpr:art32
 */
export const awsEksNodeGroupDisallowOpenSsh = resourcePolicy(
  {
    name: "aws-eks-node-group-disallow-open-ssh",
    description:
      "EKS node groups with SSH remote access must restrict it to source security groups.",
    severity: "high",
    controls: ["hipaa:164.312(a)(1)", "hipaa:164.312(e)(1)", "gdpr:art32"],
    remediationSteps:
      "Remove `remoteAccess` from the aws.eks.NodeGroup (use SSM Session Manager), or set `remoteAccess.sourceSecurityGroupIds` to the administrators' security group.",
  },
  eks.NodeGroup,
  (group, { report }) =>
    checkEach(report, [
      () => {
        const access = group.remoteAccess;
        if (access === undefined || access === null || !access.ec2SshKey) {
          return undefined;
        }
        return (access.sourceSecurityGroupIds ?? []).length > 0
          ? undefined
          : "remoteAccess.ec2SshKey is set without sourceSecurityGroupIds, which opens SSH on every node to 0.0.0.0/0; expected source security groups.";
      },
    ]),
);
