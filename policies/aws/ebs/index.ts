export { awsEbsEncryptionByDefaultEnableEncryption } from "./aws-ebs-encryption-by-default-enable-encryption";
export { awsEbsVolumeEnableCmkEncryption } from "./aws-ebs-volume-enable-cmk-encryption";
