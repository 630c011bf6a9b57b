export { azureSynapseWorkspaceDisablePublicNetworkAccess } from "./azure-synapse-workspace-disable-public-network-access";
export { azureSynapseWorkspaceEnableAadOnlyAuthentication } from "./azure-synapse-workspace-enable-aad-only-authentication";
export { azureSynapseWorkspaceEnableDataExfiltrationProtection } from "./azure-synapse-workspace-enable-data-exfiltration-protection";
export { azureSynapseWorkspaceMissingCmk } from "./azure-synapse-workspace-missing-cmk";
