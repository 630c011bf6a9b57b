export { azureOperationalInsightsWorkspaceConfigureRetention } from "./azure-operationalinsights-workspace-configure-retention";
export { azureOperationalInsightsWorkspaceDisablePublicNetworkAccess } from "./azure-operationalinsights-workspace-disable-public-network-access";
