export { azureMachinelearningservicesWorkspaceDisablePublicNetworkAccess } from "./azure-machinelearningservices-workspace-disable-public-network-access";
export { azureMachinelearningservicesWorkspaceEnableManagedNetworkIsolation } from "./azure-machinelearningservices-workspace-enable-managed-network-isolation";
export { azureMachinelearningservicesWorkspaceMissingCmk } from "./azure-machinelearningservices-workspace-missing-cmk";
