export { gcpKmsCryptoKeyConfigureRotationPeriod } from "./gcp-kms-cryptokey-configure-rotation-period";
export { gcpKmsCryptoKeyEnableDestroyProtection } from "./gcp-kms-cryptokey-enable-destroy-protection";
export { gcpKmsCryptoKeyIamBindingDisallowPublicPrincipal } from "./gcp-kms-cryptokeyiambinding-disallow-public-principal";
export { gcpKmsCryptoKeyIamMemberDisallowPublicPrincipal } from "./gcp-kms-cryptokeyiammember-disallow-public-principal";
export { gcpKmsKeyRingIamBindingDisallowPublicPrincipal } from "./gcp-kms-keyringiambinding-disallow-public-principal";
export { gcpKmsKeyRingIamMemberDisallowPublicPrincipal } from "./gcp-kms-keyringiammember-disallow-public-principal";
