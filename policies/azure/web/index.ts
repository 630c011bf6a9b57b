export { azureWebWebappConfigureMinimumTls } from "./azure-web-webapp-configure-minimum-tls";
export { azureWebWebappDisableFtp } from "./azure-web-webapp-disable-ftp";
export { azureWebWebappDisablePublicNetworkAccess } from "./azure-web-webapp-disable-public-network-access";
export { azureWebWebappDisableRemoteDebugging } from "./azure-web-webapp-disable-remote-debugging";
export { azureWebWebappEnableHttpsOnly } from "./azure-web-webapp-enable-https-only";
