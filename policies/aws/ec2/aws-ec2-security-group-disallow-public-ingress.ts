import * as ec2 from "@pulumi/aws/ec2";
import { resourcePolicy } from "../../lib/define";
import { publicIngress, restrictedPortsConfig } from "../lib/network";

/**
 * SSH, RDP and database ports open to 0.0.0.0/0 or ::/0 are scanned and brute-forced within minutes; administration
 * goes through Session Manager or a bastion, and databases are reached from inside the VPC only.
 * @severity high
 * @controls hipaa:164.312(e)(1), hipaa:164.312(a)(1), gdpr:art32
 */
export const awsEc2SecurityGroupDisallowPublicIngress = resourcePolicy(
  {
    name: "aws-ec2-security-group-disallow-public-ingress",
    description:
      "Security groups must not allow ingress from 0.0.0.0/0 or ::/0 to all ports, SSH, RDP or database ports.",
    severity: "high",
    controls: ["hipaa:164.312(e)(1)", "hipaa:164.312(a)(1)", "gdpr:art32"],
    remediationSteps:
      "Replace 0.0.0.0/0 and ::/0 in the `ingress` rules of the aws.ec2.SecurityGroup with the VPC CIDR or a source security group, and use Session Manager instead of open SSH/RDP.",
    configSchema: restrictedPortsConfig,
  },
  ec2.SecurityGroup,
  (group, { args, report }) => {
    (group.ingress ?? []).forEach((rule, i) => {
      const open = publicIngress(args, {
        protocol: rule.protocol,
        fromPort: rule.fromPort,
        toPort: rule.toPort,
        cidrs: [...(rule.cidrBlocks ?? []), ...(rule.ipv6CidrBlocks ?? [])],
      });
      if (open !== undefined) {
        report(`ingress[${i}] allows ${open}; expected no public ingress to these ports.`);
      }
    });
  },
);
