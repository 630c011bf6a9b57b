import * as machinelearningservices from "@pulumi/azure-native/machinelearningservices";
import { resourcePolicy } from "../../lib/define";
import { checkEach, shown } from "../../lib/conditions";

/**
 * Compute in a workspace without managed network isolation (isolationMode Disabled, the default) can send data
 * anywhere; AllowOnlyApprovedOutbound limits it to approved destinations.
 * @severity medium
 * @controls hipaa:164.312(a)(1), hipaa:164.312(e)(1), gdpr:art32
 */
export const azureMachinelearningservicesWorkspaceEnableManagedNetworkIsolation = resourcePolicy(
  {
    name: "azure-machinelearningservices-workspace-enable-managed-network-isolation",
    description:
      'Machine Learning workspaces must isolate their managed network ("AllowOnlyApprovedOutbound" or "AllowInternetOutbound").',
    severity: "medium",
    controls: ["hipaa:164.312(a)(1)", "hipaa:164.312(e)(1)", "gdpr:art32"],
    remediationSteps:
      'Set `managedNetwork: {isolationMode: "AllowOnlyApprovedOutbound"}` on the azure-native machinelearningservices.Workspace.',
  },
  machinelearningservices.Workspace,
  (ws, { report }) =>
    checkEach(report, [
      () =>
        ["AllowOnlyApprovedOutbound", "AllowInternetOutbound"].includes(
          ws.managedNetwork?.isolationMode ?? "Disabled",
        )
          ? undefined
          : `managedNetwork.isolationMode is ${shown(ws.managedNetwork?.isolationMode, "the service default Disabled")}; expected "AllowOnlyApprovedOutbound".`,
    ]),
);
