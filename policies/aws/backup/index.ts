export { awsBackupPlanConfigureRetention } from "./aws-backup-plan-configure-retention";
export { awsBackupVaultEnableCmkEncryption } from "./aws-backup-vault-enable-cmk-encryption";
