import * as ec2 from "@pulumi/aws/ec2";
import { resourcePolicy } from "../../lib/define";

/**
 * Anything launched without an explicit security group lands in the VPC's default group; taking over the default
 * group with no rules means a forgotten setting isolates the resource instead of opening it.
 * @severity medium
 * @controls hipaa:164.312(a)(1), hipaa:164.312(e)(1)
 */
export const awsEc2DefaultSecurityGroupDisallowRules = resourcePolicy(
  {
    name: "aws-ec2-default-security-group-disallow-rules",
    description: "The default security group of a VPC must have no ingress and no egress rules.",
    severity: "medium",
    controls: ["hipaa:164.312(a)(1)", "hipaa:164.312(e)(1)"],
    remediationSteps:
      "Declare the aws.ec2.DefaultSecurityGroup of each VPC with `ingress: []` and `egress: []` (or neither), and give every resource its own security group.",
  },
  ec2.DefaultSecurityGroup,
  (group, { report }) => {
    const ingress = (group.ingress ?? []).length;
    const egress = (group.egress ?? []).length;
    if (ingress > 0 || egress > 0) {
      report(
        `The default security group has ${ingress} ingress and ${egress} egress rule(s); expected none.`,
      );
    }
  },
);
