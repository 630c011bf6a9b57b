import * as synapse from "@pulumi/azure-native/synapse";
import { resourcePolicy } from "../../lib/define";
import { checkEach, mustBeTrue } from "../../lib/conditions";

/**
 * SQL authentication uses shared passwords that bypass Entra ID conditional access and leave no personal identity
 * in the logs.
 * @severity high
 * @controls hipaa:164.312(a)(2)(i), hipaa:164.312(d), gdpr:art32
 */
export const azureSynapseWorkspaceEnableAadOnlyAuthentication = resourcePolicy(
  {
    name: "azure-synapse-workspace-enable-aad-only-authentication",
    description: "Synapse workspaces must use Entra ID-only authentication.",
    severity: "high",
    controls: ["hipaa:164.312(a)(2)(i)", "hipaa:164.312(d)", "gdpr:art32"],
    remediationSteps:
      "Set `azureADOnlyAuthentication: true` on the azure-native synapse.Workspace.",
  },
  synapse.Workspace,
  (ws, { report }) =>
    checkEach(report, [
      () =>
        mustBeTrue(
          "azureADOnlyAuthentication",
          ws.azureADOnlyAuthentication,
          "SQL logins accepted",
        ),
    ]),
);
