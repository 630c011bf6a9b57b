export { azureSqlServerConfigureMinimumTls } from "./azure-sql-server-configure-minimum-tls";
export { azureSqlServerDisablePublicNetworkAccess } from "./azure-sql-server-disable-public-network-access";
export { azureSqlServerBlobAuditingPolicyConfigureAuditRetention } from "./azure-sql-serverblobauditingpolicy-configure-audit-retention";
