export { azureApimanagementApiManagementServiceDisableLegacyTls } from "./azure-apimanagement-apimanagementservice-disable-legacy-tls";
export { azureApimanagementApiManagementServiceEnableVirtualNetwork } from "./azure-apimanagement-apimanagementservice-enable-virtual-network";
