export { awsMemorydbClusterConfigureSnapshotRetention } from "./aws-memorydb-cluster-configure-snapshot-retention";
export { awsMemorydbClusterEnableCmkEncryption } from "./aws-memorydb-cluster-enable-cmk-encryption";
export { awsMemorydbClusterEnforceTls } from "./aws-memorydb-cluster-enforce-tls";
