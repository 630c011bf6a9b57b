import * as keyvault from "@pulumi/azure-native/keyvault";
import { resourcePolicy } from "../../lib/define";

/**
 * A secret without an expiry date is never forced to rotate, so a leaked connection string or client secret keeps
 * working indefinitely.
 * @severity medium
 * @controls hipaa:164.312(d), hipaa:164.312(a)(1), gdpr:art32
 */
export const azureKeyVaultSecretConfigureExpiry = resourcePolicy(
  {
    name: "azure-keyvault-secret-configure-expiry",
    description: "Key Vault secrets must have an expiry date.",
    severity: "medium",
    enforcementLevel: "mandatory",
    controls: ["hipaa:164.312(d)", "hipaa:164.312(a)(1)", "gdpr:art32"],
    remediationSteps:
      "Set `properties.attributes.expires` (Unix seconds) on the keyvault.Secret and rotate the secret before it.",
  },
  keyvault.Secret,
  (secret, { report }) => {
    if (secret.properties?.attributes?.expires === undefined) {
      report("properties.attributes.expires is not set, so the secret never expires.");
    }
  },
);
