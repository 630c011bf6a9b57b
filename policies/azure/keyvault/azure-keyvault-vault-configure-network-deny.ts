import * as keyvault from "@pulumi/azure-native/keyvault";
import { resourcePolicy } from "../../lib/define";

/**
 * A vault reachable from every network depends on its credentials alone; default-deny network rules and disabled
 * public access limit it to private endpoints, named subnets and trusted Azure services.
 * @severity high
 * @controls hipaa:164.312(e)(1), hipaa:164.312(a)(1), gdpr:art32
 */
export const azureKeyVaultVaultConfigureNetworkDeny = resourcePolicy(
  {
    name: "azure-keyvault-vault-configure-network-deny",
    description: "Key Vaults must deny network access by default and allow no public IP ranges.",
    severity: "high",
    controls: ["hipaa:164.312(e)(1)", "hipaa:164.312(a)(1)", "gdpr:art32"],
    remediationSteps:
      'Set `properties.networkAcls.defaultAction: "Deny"` with no `ipRules`, and `properties.publicNetworkAccess: "Disabled"`; reach the vault through a private endpoint.',
  },
  keyvault.Vault,
  (vault, { report }) => {
    const acls = vault.properties?.networkAcls;
    if (acls?.defaultAction !== "Deny") {
      report(
        `networkAcls.defaultAction is ${acls?.defaultAction === undefined ? "not set (defaults to Allow)" : JSON.stringify(acls.defaultAction)}; set it to "Deny".`,
      );
    }
    const open = (acls?.ipRules ?? [])
      .map((r) => r.value)
      .filter((v) => v === "0.0.0.0/0" || v === "*");
    if (open.length > 0) {
      report(`networkAcls.ipRules allow the whole internet (${open.join(", ")}).`);
    }
  },
);
