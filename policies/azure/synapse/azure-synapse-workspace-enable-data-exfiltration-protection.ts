import * as synapse from "@pulumi/azure-native/synapse";
import { resourcePolicy } from "../../lib/define";
import { checkEach, mustBeTrue } from "../../lib/conditions";

/**
 * Data exfiltration protection limits outbound connections of the managed virtual network to approved tenants, so a
 * notebook cannot copy PHI to an arbitrary storage account.
 * @severity medium
 * @controls hipaa:164.312(a)(1), hipaa:164.312(e)(1), gdpr:art32
 */
export const azureSynapseWorkspaceEnableDataExfiltrationProtection = resourcePolicy(
  {
    name: "azure-synapse-workspace-enable-data-exfiltration-protection",
    description:
      "Synapse workspaces must use a managed virtual network with data exfiltration protection.",
    severity: "medium",
    controls: ["hipaa:164.312(a)(1)", "hipaa:164.312(e)(1)", "gdpr:art32"],
    remediationSteps:
      'Set `managedVirtualNetwork: "default"` and `managedVirtualNetworkSettings: {preventDataExfiltration: true, allowedAadTenantIdsForLinking: [...]}` on the azure-native synapse.Workspace.',
  },
  synapse.Workspace,
  (ws, { report }) =>
    checkEach(report, [
      () =>
        mustBeTrue(
          "managedVirtualNetworkSettings.preventDataExfiltration",
          ws.managedVirtualNetworkSettings?.preventDataExfiltration,
          "outbound to any tenant",
        ),
    ]),
);
