import * as ec2 from "@pulumi/aws/ec2";
import { resourcePolicy } from "../../lib/define";
import { publicIngress, restrictedPortsConfig } from "../lib/network";

/**
 * SSH, RDP and database ports open to 0.0.0.0/0 or ::/0 are scanned and brute-forced within minutes; administration
 * goes through Session Manager or a bastion, and databases are reached from inside the VPC only.
 * @severity high
 * @controls hipaa:164.312(e)(1), hipaa:164.312(a)(1), gdpr:art32
 */
export const awsEc2SecurityGroupRuleDisallowPublicIngress = resourcePolicy(
  {
    name: "aws-ec2-security-group-rule-disallow-public-ingress",
    description:
      "Security group rules must not allow ingress from 0.0.0.0/0 or ::/0 to all ports, SSH, RDP or database ports.",
    severity: "high",
    controls: ["hipaa:164.312(e)(1)", "hipaa:164.312(a)(1)", "gdpr:art32"],
    remediationSteps:
      "Replace 0.0.0.0/0 and ::/0 in `cidrBlocks`/`ipv6CidrBlocks` of the aws.ec2.SecurityGroupRule with the VPC CIDR or a `sourceSecurityGroupId`.",
    configSchema: restrictedPortsConfig,
  },
  ec2.SecurityGroupRule,
  (rule, { args, report }) => {
    if (rule.type !== "ingress") {
      return;
    }
    const open = publicIngress(args, {
      protocol: rule.protocol,
      fromPort: rule.fromPort,
      toPort: rule.toPort,
      cidrs: [...(rule.cidrBlocks ?? []), ...(rule.ipv6CidrBlocks ?? [])],
    });
    if (open !== undefined) {
      report(`The rule allows ${open}; expected no public ingress to these ports.`);
    }
  },
);
