export { azureDbformysqlConfigurationEnforceSecureTransport } from "./azure-dbformysql-configuration-enforce-secure-transport";
export { azureDbformysqlServerConfigureBackup } from "./azure-dbformysql-server-configure-backup";
export { azureDbformysqlServerDisablePublicNetworkAccess } from "./azure-dbformysql-server-disable-public-network-access";
export { azureDbformysqlServerMissingCmk } from "./azure-dbformysql-server-missing-cmk";
