import * as network from "@pulumi/azure-native/network";
import { resourcePolicy } from "../../lib/define";
import { publicAdminPorts } from "../lib/rules";

/**
 * SSH and RDP open to the internet are the most scanned doors into a network; a standalone rule opens them as
 * surely as one inside its security group.
 * @severity critical
 * @controls hipaa:164.312(a)(1), hipaa:164.312(e)(1), gdpr:art32
 */
export const azureNetworkSecurityRuleDisallowPublicAdminPorts = resourcePolicy(
  {
    name: "azure-network-securityrule-disallow-public-admin-ports",
    description: "Security rules must not allow inbound SSH, RDP or all ports from the internet.",
    severity: "critical",
    controls: ["hipaa:164.312(a)(1)", "hipaa:164.312(e)(1)", "gdpr:art32"],
    remediationSteps:
      "Restrict `sourceAddressPrefix` of the network.SecurityRule to known ranges (not *, Internet or 0.0.0.0/0), or use Azure Bastion.",
  },
  network.SecurityRule,
  (rule, { report }) => {
    const ports = publicAdminPorts(rule);
    if (ports.length > 0) {
      report(
        `The rule allows inbound port ${ports.join(", ")} from the internet (source ${JSON.stringify(rule.sourceAddressPrefix ?? rule.sourceAddressPrefixes)}).`,
      );
    }
  },
);
