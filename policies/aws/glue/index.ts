export { awsGlueDataCatalogEncryptionSettingsEnableCmkEncryption } from "./aws-glue-data-catalog-encryption-settings-enable-cmk-encryption";
export { awsGlueJobMissingSecurityConfiguration } from "./aws-glue-job-missing-security-configuration";
export { awsGlueSecurityConfigurationEnableEncryption } from "./aws-glue-security-configuration-enable-encryption";
