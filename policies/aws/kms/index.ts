export { awsKmsKeyConfigureDeletionWindow } from "./aws-kms-key-configure-deletion-window";
export { awsKmsKeyDisallowWildcardPrincipal } from "./aws-kms-key-disallow-wildcard-principal";
export { awsKmsKeyEnableKeyRotation } from "./aws-kms-key-enable-key-rotation";
export { awsKmsKeyEnableKey } from "./aws-kms-key-enable-key";
