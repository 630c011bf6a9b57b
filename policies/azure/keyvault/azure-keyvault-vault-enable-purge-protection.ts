import * as keyvault from "@pulumi/azure-native/keyvault";
import { resourcePolicy } from "../../lib/define";

/**
 * Purge protection keeps deleted keys recoverable for the soft-delete period, so a deleted CMK cannot take PHI
 * with it.
 * @severity high
 * @controls hipaa:164.308(a)(7), hipaa:164.312(a)(2)(iv), gdpr:art32
 */
export const azureKeyVaultVaultEnablePurgeProtection = resourcePolicy(
  {
    name: "azure-keyvault-vault-enable-purge-protection",
    description: "Key Vaults must have soft delete and purge protection enabled.",
    severity: "high",
    controls: ["hipaa:164.308(a)(7)", "hipaa:164.312(a)(2)(iv)", "gdpr:art32"],
    remediationSteps:
      "Set `properties.enablePurgeProtection: true`, `enableSoftDelete: true` and `softDeleteRetentionInDays: 90` on the keyvault.Vault.",
  },
  keyvault.Vault,
  (vault, { report }) => {
    const p = vault.properties;
    if (p?.enablePurgeProtection !== true) {
      report("Purge protection is not enabled; set properties.enablePurgeProtection: true.");
    }
    if (p?.enableSoftDelete === false) {
      report("Soft delete is disabled; remove enableSoftDelete: false.");
    }
  },
);
