export { awsEfsAccessPointEnforceRootDirectory } from "./aws-efs-access-point-enforce-root-directory";
export { awsEfsBackupPolicyEnableBackup } from "./aws-efs-backup-policy-enable-backup";
export { awsEfsFileSystemEnableCmkEncryption } from "./aws-efs-file-system-enable-cmk-encryption";
