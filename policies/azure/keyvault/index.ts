export { azureKeyVaultVaultEnablePurgeProtection } from "./azure-keyvault-vault-enable-purge-protection";
export { azureKeyVaultVaultEnableRbacAuthorization } from "./azure-keyvault-vault-enable-rbac-authorization";
export { azureKeyVaultVaultConfigureNetworkDeny } from "./azure-keyvault-vault-configure-network-deny";
export { azureKeyVaultKeyConfigureRotationPolicy } from "./azure-keyvault-key-configure-rotation-policy";
