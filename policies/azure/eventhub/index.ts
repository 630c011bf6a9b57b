export { azureEventhubNamespaceConfigureMinimumTls } from "./azure-eventhub-namespace-configure-minimum-tls";
export { azureEventhubNamespaceDisableLocalAuth } from "./azure-eventhub-namespace-disable-local-auth";
export { azureEventhubNamespaceDisablePublicNetworkAccess } from "./azure-eventhub-namespace-disable-public-network-access";
export { azureEventhubNamespaceMissingCmk } from "./azure-eventhub-namespace-missing-cmk";
