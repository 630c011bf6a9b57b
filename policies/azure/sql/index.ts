export { azureSqlServerConfigureMinimumTls } from "./azure-sql-server-configure-minimum-tls";
export { azureSqlServerDisablePublicNetworkAccess } from "./azure-sql-server-disable-public-network-access";
