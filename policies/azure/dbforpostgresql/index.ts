export { azureDbForPostgresqlServerConfigureBackup } from "./azure-dbforpostgresql-server-configure-backup";
export { azureDbForPostgresqlServerDisablePublicNetworkAccess } from "./azure-dbforpostgresql-server-disable-public-network-access";
