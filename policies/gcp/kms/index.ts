export { gcpKmsCryptoKeyConfigureRotationPeriod } from "./gcp-kms-cryptokey-configure-rotation-period";
export { gcpKmsCryptoKeyEnableDestroyProtection } from "./gcp-kms-cryptokey-enable-destroy-protection";
