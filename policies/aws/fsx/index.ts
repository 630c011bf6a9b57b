export { awsFsxLustreFileSystemConfigureBackupRetention } from "./aws-fsx-lustre-file-system-configure-backup-retention";
export { awsFsxLustreFileSystemEnableCmkEncryption } from "./aws-fsx-lustre-file-system-enable-cmk-encryption";
export { awsFsxOntapFileSystemEnableCmkEncryption } from "./aws-fsx-ontap-file-system-enable-cmk-encryption";
export { awsFsxOpenzfsFileSystemConfigureBackupRetention } from "./aws-fsx-openzfs-file-system-configure-backup-retention";
export { awsFsxOpenzfsFileSystemEnableCmkEncryption } from "./aws-fsx-openzfs-file-system-enable-cmk-encryption";
export { awsFsxWindowsFileSystemEnableAuditLogs } from "./aws-fsx-windows-file-system-enable-audit-logs";
export { awsFsxWindowsFileSystemEnableCmkEncryption } from "./aws-fsx-windows-file-system-enable-cmk-encryption";
