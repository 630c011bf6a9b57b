import * as machinelearningservices from "@pulumi/azure-native/machinelearningservices";
import { resourcePolicy } from "../../lib/define";
import { checkEach } from "../../lib/conditions";

/**
 * Workspace metadata, run history and the dependent Cosmos DB and search resources are encrypted with
 * Microsoft-managed keys unless a customer key is configured at creation.
 * @severity high
 * @controls hipaa:164.312(a)(2)(iv), gdpr:art32
 */
export const azureMachinelearningservicesWorkspaceMissingCmk = resourcePolicy(
  {
    name: "azure-machinelearningservices-workspace-missing-cmk",
    description:
      "Machine Learning workspaces must be encrypted with a customer-managed key from Key Vault.",
    severity: "high",
    controls: ["hipaa:164.312(a)(2)(iv)", "gdpr:art32"],
    remediationSteps:
      'Set `encryption: {status: "Enabled", keyVaultProperties: {keyVaultArmId, keyIdentifier}}` on the azure-native machinelearningservices.Workspace.',
  },
  machinelearningservices.Workspace,
  (r, { report }) =>
    checkEach(report, [
      () =>
        typeof r.encryption?.keyVaultProperties?.keyIdentifier === "string" &&
        r.encryption.keyVaultProperties.keyIdentifier !== ""
          ? undefined
          : "encryption.keyVaultProperties.keyIdentifier names no Key Vault key (a Microsoft-managed key); expected a customer-managed key.",
    ]),
);
