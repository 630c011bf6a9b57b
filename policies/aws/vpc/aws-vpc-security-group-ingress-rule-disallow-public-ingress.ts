import * as vpc from "@pulumi/aws/vpc";
import { resourcePolicy } from "../../lib/define";
import { listOf } from "../lib/format";
import { publicIngress, restrictedPortsConfig } from "../lib/network";

/**
 * SSH, RDP and database ports open to 0.0.0.0/0 or ::/0 are scanned and brute-forced within minutes; administration
 * goes through Session Manager or a bastion, and databases are reached from inside the VPC only.
 * @severity high
 * @controls hipaa:164.312(e)(1), hipaa:164.312(a)(1), gdpr:art32
 */
export const awsVpcSecurityGroupIngressRuleDisallowPublicIngress = resourcePolicy(
  {
    name: "aws-vpc-security-group-ingress-rule-disallow-public-ingress",
    description:
      "Security group ingress rules must not allow 0.0.0.0/0 or ::/0 to all ports, SSH, RDP or database ports.",
    severity: "high",
    controls: ["hipaa:164.312(e)(1)", "hipaa:164.312(a)(1)", "gdpr:art32"],
    remediationSteps:
      'Replace `cidrIpv4: "0.0.0.0/0"` / `cidrIpv6: "::/0"` on the aws.vpc.SecurityGroupIngressRule with the VPC CIDR or a `referencedSecurityGroupId`.',
    configSchema: restrictedPortsConfig,
  },
  vpc.SecurityGroupIngressRule,
  (rule, { args, report }) => {
    const open = publicIngress(args, {
      protocol: rule.ipProtocol,
      fromPort: rule.fromPort,
      toPort: rule.toPort,
      cidrs: [...listOf(rule.cidrIpv4), ...listOf(rule.cidrIpv6)],
    });
    if (open !== undefined) {
      report(`The rule allows ${open}; expected no public ingress to these ports.`);
    }
  },
);
