export { awsKmsKeyEnableKeyRotation } from "./aws-kms-key-enable-key-rotation";
export { awsKmsKeyDisallowWildcardPrincipal } from "./aws-kms-key-disallow-wildcard-principal";
