import * as operationalinsights from "@pulumi/azure-native/operationalinsights";
import { resourcePolicy } from "../../lib/define";
import { shown } from "../lib/shown";

/**
 * Logs can carry identifiers; with public ingestion and query disabled the workspace is reached only through Azure
 * Monitor Private Link. Advisory, since agents outside the private network may still need public ingestion.
 * @severity medium
 * @controls hipaa:164.312(e)(1), hipaa:164.312(a)(1), gdpr:art32
 */
export const azureOperationalInsightsWorkspaceDisablePublicNetworkAccess = resourcePolicy(
  {
    name: "azure-operationalinsights-workspace-disable-public-network-access",
    description: "Log Analytics workspaces should disable public ingestion and query.",
    severity: "medium",
    controls: ["hipaa:164.312(e)(1)", "hipaa:164.312(a)(1)", "gdpr:art32"],
    remediationSteps:
      'Set `publicNetworkAccessForIngestion: "Disabled"` and `publicNetworkAccessForQuery: "Disabled"` on the operationalinsights.Workspace and use an Azure Monitor Private Link Scope.',
  },
  operationalinsights.Workspace,
  (workspace, { report }) => {
    if (workspace.publicNetworkAccessForIngestion !== "Disabled") {
      report(
        `publicNetworkAccessForIngestion is ${shown(workspace.publicNetworkAccessForIngestion, "defaults to Enabled")}; set it to "Disabled".`,
      );
    }
    if (workspace.publicNetworkAccessForQuery !== "Disabled") {
      report(
        `publicNetworkAccessForQuery is ${shown(workspace.publicNetworkAccessForQuery, "defaults to Enabled")}; set it to "Disabled".`,
      );
    }
  },
);
