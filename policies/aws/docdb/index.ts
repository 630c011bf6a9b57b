export { awsDocdbClusterConfigureBackupRetention } from "./aws-docdb-cluster-configure-backup-retention";
export { awsDocdbClusterEnableAuditLogs } from "./aws-docdb-cluster-enable-audit-logs";
export { awsDocdbClusterEnableCmkEncryption } from "./aws-docdb-cluster-enable-cmk-encryption";
export { awsDocdbClusterEnableDeletionProtection } from "./aws-docdb-cluster-enable-deletion-protection";
export { awsDocdbClusterParameterGroupEnforceTls } from "./aws-docdb-cluster-parameter-group-enforce-tls";
