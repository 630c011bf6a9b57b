export { awsNeptuneClusterConfigureBackupRetention } from "./aws-neptune-cluster-configure-backup-retention";
export { awsNeptuneClusterEnableAuditLogs } from "./aws-neptune-cluster-enable-audit-logs";
export { awsNeptuneClusterEnableCmkEncryption } from "./aws-neptune-cluster-enable-cmk-encryption";
export { awsNeptuneClusterEnableDeletionProtection } from "./aws-neptune-cluster-enable-deletion-protection";
export { awsNeptuneClusterEnableIamAuthentication } from "./aws-neptune-cluster-enable-iam-authentication";
