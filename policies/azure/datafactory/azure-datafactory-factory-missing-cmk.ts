import * as datafactory from "@pulumi/azure-native/datafactory";
import { resourcePolicy } from "../../lib/define";
import { checkEach } from "../../lib/conditions";

/**
 * Factories store linked-service credentials and pipeline definitions; they are encrypted with Microsoft-managed
 * keys unless a Key Vault key is configured.
 * @severity high
 * @controls hipaa:164.312(a)(2)(iv), gdpr:art32
 */
export const azureDatafactoryFactoryMissingCmk = resourcePolicy(
  {
    name: "azure-datafactory-factory-missing-cmk",
    description:
      "Data Factory instances must be encrypted with a customer-managed key from Key Vault.",
    severity: "high",
    controls: ["hipaa:164.312(a)(2)(iv)", "gdpr:art32"],
    remediationSteps:
      "Set `encryption: {vaultBaseUrl, keyName, identity}` on the azure-native datafactory.Factory.",
  },
  datafactory.Factory,
  (r, { report }) =>
    checkEach(report, [
      () =>
        typeof r.encryption?.vaultBaseUrl === "string" && typeof r.encryption.keyName === "string"
          ? undefined
          : "encryption names no Key Vault key (a Microsoft-managed key); expected a customer-managed key.",
    ]),
);
