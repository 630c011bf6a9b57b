import * as keyvault from "@pulumi/azure-native/keyvault";
import { resourcePolicy } from "../../lib/define";

/**
 * A key without an expiry stays valid forever if rotation stops; an expiry date (on the key or in its rotation
 * policy) bounds how long one key version protects PHI.
 * @severity medium
 * @controls hipaa:164.312(a)(2)(iv), gdpr:art32
 */
export const azureKeyVaultKeyConfigureExpiry = resourcePolicy(
  {
    name: "azure-keyvault-key-configure-expiry",
    description: "Key Vault keys must have an expiry date or a rotation policy expiry time.",
    severity: "medium",
    enforcementLevel: "mandatory",
    controls: ["hipaa:164.312(a)(2)(iv)", "gdpr:art32"],
    remediationSteps:
      'Set `properties.rotationPolicy.attributes.expiryTime` (e.g. "P2Y") or `properties.attributes.expires` (Unix seconds) on the keyvault.Key.',
  },
  keyvault.Key,
  (key, { report }) => {
    const p = key.properties;
    if (
      p?.attributes?.expires === undefined &&
      p?.rotationPolicy?.attributes?.expiryTime === undefined
    ) {
      report(
        "Neither properties.attributes.expires nor properties.rotationPolicy.attributes.expiryTime is set, so the key never expires.",
      );
    }
  },
);
