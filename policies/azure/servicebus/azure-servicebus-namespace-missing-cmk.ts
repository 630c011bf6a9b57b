import * as servicebus from "@pulumi/azure-native/servicebus";
import { resourcePolicy } from "../../lib/define";
import { checkEach } from "../../lib/conditions";

/**
 * Messages at rest are encrypted with Microsoft-managed keys unless a Key Vault key is configured (premium tier)
 * (Azure security baseline DP-5).
 * @severity high
 * @controls hipaa:164.312(a)(2)(iv), gdpr:art32
 */
export const azureServicebusNamespaceMissingCmk = resourcePolicy(
  {
    name: "azure-servicebus-namespace-missing-cmk",
    description:
      "Service Bus namespaces must be encrypted with a customer-managed key from Key Vault.",
    severity: "high",
    controls: ["hipaa:164.312(a)(2)(iv)", "gdpr:art32"],
    remediationSteps:
      'Set `encryption: {keySource: "Microsoft.KeyVault", keyVaultProperties: [{keyName, keyVaultUri, identity}]}` on the azure-native servicebus.Namespace.',
  },
  servicebus.Namespace,
  (r, { report }) =>
    checkEach(report, [
      () =>
        r.encryption?.keySource === "Microsoft.KeyVault" &&
        (r.encryption.keyVaultProperties ?? []).length > 0
          ? undefined
          : "encryption.keyVaultProperties names no Key Vault key (a Microsoft-managed key); expected a customer-managed key.",
    ]),
);
