export { azureWebWebAppConfigureMinimumTls } from "./azure-web-webapp-configure-minimum-tls";
export { azureWebWebAppDisableFtp } from "./azure-web-webapp-disable-ftp";
export { azureWebWebAppDisablePublicNetworkAccess } from "./azure-web-webapp-disable-public-network-access";
export { azureWebWebAppDisableRemoteDebugging } from "./azure-web-webapp-disable-remote-debugging";
export { azureWebWebAppDisallowSecretAppSettings } from "./azure-web-webapp-disallow-secret-app-settings";
export { azureWebWebAppEnableHttpsOnly } from "./azure-web-webapp-enable-https-only";
