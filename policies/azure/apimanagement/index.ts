export { azureApimanagementApimanagementserviceDisableLegacyTls } from "./azure-apimanagement-apimanagementservice-disable-legacy-tls";
export { azureApimanagementApimanagementserviceEnableVirtualNetwork } from "./azure-apimanagement-apimanagementservice-enable-virtual-network";
