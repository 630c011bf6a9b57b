export { azureCosmosdbDatabaseaccountConfigureMinimumTls } from "./azure-cosmosdb-databaseaccount-configure-minimum-tls";
export { azureCosmosdbDatabaseaccountDisableLocalAuth } from "./azure-cosmosdb-databaseaccount-disable-local-auth";
export { azureCosmosdbDatabaseaccountDisablePublicNetworkAccess } from "./azure-cosmosdb-databaseaccount-disable-public-network-access";
export { azureCosmosdbDatabaseaccountMissingCmk } from "./azure-cosmosdb-databaseaccount-missing-cmk";
