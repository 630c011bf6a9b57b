import * as synapse from "@pulumi/azure-native/synapse";
import { resourcePolicy } from "../../lib/define";
import { checkEach } from "../../lib/conditions";

/**
 * Synapse data is encrypted with service-managed keys unless a customer key is named, which also enables double
 * encryption.
 * @severity high
 * @controls hipaa:164.312(a)(2)(iv), gdpr:art32
 */
export const azureSynapseWorkspaceMissingCmk = resourcePolicy(
  {
    name: "azure-synapse-workspace-missing-cmk",
    description: "Synapse workspaces must be encrypted with a customer-managed key from Key Vault.",
    severity: "high",
    controls: ["hipaa:164.312(a)(2)(iv)", "gdpr:art32"],
    remediationSteps:
      "Set `encryption: {cmk: {key: {name, keyVaultUrl}, kekIdentity}}` on the azure-native synapse.Workspace.",
  },
  synapse.Workspace,
  (r, { report }) =>
    checkEach(report, [
      () =>
        typeof r.encryption?.cmk?.key?.keyVaultUrl === "string"
          ? undefined
          : "encryption.cmk.key names no Key Vault key (a Microsoft-managed key); expected a customer-managed key.",
    ]),
);
