export { azureKeyVaultKeyConfigureExpiry } from "./azure-keyvault-key-configure-expiry";
export { azureKeyVaultKeyConfigureRotationPolicy } from "./azure-keyvault-key-configure-rotation-policy";
export { azureKeyVaultSecretConfigureExpiry } from "./azure-keyvault-secret-configure-expiry";
export { azureKeyVaultVaultConfigureNetworkDeny } from "./azure-keyvault-vault-configure-network-deny";
export { azureKeyVaultVaultEnablePurgeProtection } from "./azure-keyvault-vault-enable-purge-protection";
export { azureKeyVaultVaultEnableRbacAuthorization } from "./azure-keyvault-vault-enable-rbac-authorization";
