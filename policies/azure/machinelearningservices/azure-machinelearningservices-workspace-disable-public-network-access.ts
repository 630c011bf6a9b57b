import * as machinelearningservices from "@pulumi/azure-native/machinelearningservices";
import { resourcePolicy } from "../../lib/define";
import { checkEach, shown } from "../../lib/conditions";

/**
 * A workspace with public network access lets notebooks, datastores and endpoints that hold training data with PHI
 * be reached from the internet (Checkov CKV_AZURE_144).
 * @severity high
 * @controls hipaa:164.312(a)(1), hipaa:164.312(e)(1), gdpr:art32
 */
export const azureMachinelearningservicesWorkspaceDisablePublicNetworkAccess = resourcePolicy(
  {
    name: "azure-machinelearningservices-workspace-disable-public-network-access",
    description:
      'Machine Learning workspaces must set publicNetworkAccess to "Disabled" and be reached through private endpoints.',
    severity: "high",
    controls: ["hipaa:164.312(a)(1)", "hipaa:164.312(e)(1)", "gdpr:art32"],
    remediationSteps:
      'Set `publicNetworkAccess: "Disabled"` on the azure-native machinelearningservices.Workspace and add a network.PrivateEndpoint.',
  },
  machinelearningservices.Workspace,
  (r, { report }) =>
    checkEach(report, [
      () =>
        r.publicNetworkAccess === "Disabled"
          ? undefined
          : `publicNetworkAccess is ${shown(r.publicNetworkAccess, "the service default Enabled")}; expected "Disabled".`,
    ]),
);
