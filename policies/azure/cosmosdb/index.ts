export { azureCosmosdbDatabaseAccountConfigureMinimumTls } from "./azure-cosmosdb-databaseaccount-configure-minimum-tls";
export { azureCosmosdbDatabaseAccountDisableLocalAuth } from "./azure-cosmosdb-databaseaccount-disable-local-auth";
export { azureCosmosdbDatabaseAccountDisablePublicNetworkAccess } from "./azure-cosmosdb-databaseaccount-disable-public-network-access";
export { azureCosmosdbDatabaseAccountMissingCmk } from "./azure-cosmosdb-databaseaccount-missing-cmk";
