export { azureContainerserviceManagedClusterDisableLocalAccounts } from "./azure-containerservice-managedcluster-disable-local-accounts";
export { azureContainerserviceManagedClusterDisallowPublicApiServer } from "./azure-containerservice-managedcluster-disallow-public-api-server";
export { azureContainerserviceManagedClusterMissingDiskEncryptionSet } from "./azure-containerservice-managedcluster-missing-disk-encryption-set";
