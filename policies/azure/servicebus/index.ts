export { azureServicebusNamespaceConfigureMinimumTls } from "./azure-servicebus-namespace-configure-minimum-tls";
export { azureServicebusNamespaceDisableLocalAuth } from "./azure-servicebus-namespace-disable-local-auth";
export { azureServicebusNamespaceDisablePublicNetworkAccess } from "./azure-servicebus-namespace-disable-public-network-access";
export { azureServicebusNamespaceMissingCmk } from "./azure-servicebus-namespace-missing-cmk";
