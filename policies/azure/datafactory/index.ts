export { azureDatafactoryFactoryDisablePublicNetworkAccess } from "./azure-datafactory-factory-disable-public-network-access";
export { azureDatafactoryFactoryMissingCmk } from "./azure-datafactory-factory-missing-cmk";
