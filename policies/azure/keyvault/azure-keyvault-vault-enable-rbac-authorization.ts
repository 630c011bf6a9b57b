import * as keyvault from "@pulumi/azure-native/keyvault";
import { resourcePolicy } from "../../lib/define";

/**
 * Azure RBAC gives each identity a role scoped to the vault and audited in the activity log; vault access policies
 * are a second, coarser permission system beside it.
 * @severity medium
 * @controls hipaa:164.312(a)(1), hipaa:164.312(a)(2)(i), gdpr:art32
 */
export const azureKeyVaultVaultEnableRbacAuthorization = resourcePolicy(
  {
    name: "azure-keyvault-vault-enable-rbac-authorization",
    description:
      "Key Vaults must use Azure RBAC for data-plane authorization instead of access policies.",
    severity: "medium",
    enforcementLevel: "mandatory",
    controls: ["hipaa:164.312(a)(1)", "hipaa:164.312(a)(2)(i)", "gdpr:art32"],
    remediationSteps:
      "Set `properties.enableRbacAuthorization: true`, remove `accessPolicies`, and grant roles such as Key Vault Crypto Service Encryption User.",
  },
  keyvault.Vault,
  (vault, { report }) => {
    if (vault.properties?.enableRbacAuthorization !== true) {
      report("RBAC authorization is not enabled; set properties.enableRbacAuthorization: true.");
    }
    if ((vault.properties?.accessPolicies ?? []).length > 0) {
      report(
        `The vault still grants ${vault.properties?.accessPolicies?.length} access policies; remove them.`,
      );
    }
  },
);
