export { azureContainerserviceManagedclusterDisableLocalAccounts } from "./azure-containerservice-managedcluster-disable-local-accounts";
export { azureContainerserviceManagedclusterDisallowPublicApiServer } from "./azure-containerservice-managedcluster-disallow-public-api-server";
export { azureContainerserviceManagedclusterMissingDiskEncryptionSet } from "./azure-containerservice-managedcluster-missing-disk-encryption-set";
