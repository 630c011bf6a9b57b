export { awsAthenaWorkgroupEnableCmkEncryption } from "./aws-athena-workgroup-enable-cmk-encryption";
