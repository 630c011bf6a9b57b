export { azureContainerserviceManagedClusterConfigureNetworkPolicy } from "./azure-containerservice-managedcluster-configure-network-policy";
export { azureContainerserviceManagedClusterDisableLocalAccounts } from "./azure-containerservice-managedcluster-disable-local-accounts";
export { azureContainerserviceManagedClusterDisallowNodePublicIp } from "./azure-containerservice-managedcluster-disallow-node-public-ip";
export { azureContainerserviceManagedClusterDisallowPublicApiServer } from "./azure-containerservice-managedcluster-disallow-public-api-server";
export { azureContainerserviceManagedClusterMissingDiskEncryptionSet } from "./azure-containerservice-managedcluster-missing-disk-encryption-set";
