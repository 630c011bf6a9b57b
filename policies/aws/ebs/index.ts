export { awsEbsVolumeEnableCmkEncryption } from "./aws-ebs-volume-enable-cmk-encryption";
