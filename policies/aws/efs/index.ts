export { awsEfsBackupPolicyEnableBackup } from "./aws-efs-backup-policy-enable-backup";
export { awsEfsFileSystemEnableCmkEncryption } from "./aws-efs-file-system-enable-cmk-encryption";
