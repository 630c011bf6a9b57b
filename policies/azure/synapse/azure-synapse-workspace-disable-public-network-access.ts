import * as synapse from "@pulumi/azure-native/synapse";
import { resourcePolicy } from "../../lib/define";
import { checkEach, shown } from "../../lib/conditions";

/**
 * A Synapse workspace with public access exposes its SQL and development endpoints to the internet (Azure security
 * baseline NS-2).
 * @severity high
 * @controls hipaa:164.312(a)(1), hipaa:164.312(e)(1), gdpr:art32
 */
export const azureSynapseWorkspaceDisablePublicNetworkAccess = resourcePolicy(
  {
    name: "azure-synapse-workspace-disable-public-network-access",
    description:
      'Synapse workspaces must set publicNetworkAccess to "Disabled" and be reached through private endpoints.',
    severity: "high",
    controls: ["hipaa:164.312(a)(1)", "hipaa:164.312(e)(1)", "gdpr:art32"],
    remediationSteps:
      'Set `publicNetworkAccess: "Disabled"` on the azure-native synapse.Workspace and add a network.PrivateEndpoint.',
  },
  synapse.Workspace,
  (r, { report }) =>
    checkEach(report, [
      () =>
        r.publicNetworkAccess === "Disabled"
          ? undefined
          : `publicNetworkAccess is ${shown(r.publicNetworkAccess, "the service default Enabled")}; expected "Disabled".`,
    ]),
);
