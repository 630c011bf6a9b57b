import * as network from "@pulumi/azure-native/network";
import { resourcePolicy } from "../../lib/define";
import { publicAdminPorts } from "../lib/rules";

/**
 * SSH and RDP open to the internet are the most scanned doors into a network; administration goes through
 * Bastion or a private network instead.
 * @severity critical
 * @controls hipaa:164.312(a)(1), hipaa:164.312(e)(1), gdpr:art32
 */
export const azureNetworkNetworkSecurityGroupDisallowPublicAdminPorts = resourcePolicy(
  {
    name: "azure-network-networksecuritygroup-disallow-public-admin-ports",
    description:
      "Network security groups must not allow inbound SSH, RDP or all ports from the internet.",
    severity: "critical",
    controls: ["hipaa:164.312(a)(1)", "hipaa:164.312(e)(1)", "gdpr:art32"],
    remediationSteps:
      "Restrict `securityRules[].sourceAddressPrefix` of the network.NetworkSecurityGroup to known ranges (not *, Internet or 0.0.0.0/0) for ports 22, 3389 and *, or use Azure Bastion.",
  },
  network.NetworkSecurityGroup,
  (nsg, { report }) => {
    (nsg.securityRules ?? []).forEach((rule, i) => {
      const ports = publicAdminPorts(rule);
      if (ports.length > 0) {
        report(
          `securityRules[${i}] (${rule.name ?? "unnamed"}) allows inbound port ${ports.join(", ")} from the internet.`,
        );
      }
    });
  },
);
