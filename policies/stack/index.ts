/** Policies over the whole stack: what only the set of resources together shows. policies.ts takes all of them. */
export { stackPhiStoreEnforceCmkRotation } from "./stack-phi-store-enforce-cmk-rotation";
export { stackS3BucketConfigureKmsEncryption } from "./stack-s3-bucket-configure-kms-encryption";
export { stackS3BucketEnforcePrivateTlsOnly } from "./stack-s3-bucket-enforce-private-tls-only";
export { stackAwsAuditEnableCloudtrailDataEvents } from "./stack-aws-audit-enable-cloudtrail-data-events";
export { stackGcpAuditEnableDataAccessLogs } from "./stack-gcp-audit-enable-data-access-logs";
export { stackAzureAuditEnableDiagnosticSettings } from "./stack-azure-audit-enable-diagnostic-settings";
export { stackAuditLogConfigureRetention } from "./stack-audit-log-configure-retention";
export { stackPhiStoreDisallowPublicAccess } from "./stack-phi-store-disallow-public-access";
export { stackResidencyEnforceAllowedLocations } from "./stack-residency-enforce-allowed-locations";
export { stackPhiStoreConfigureErasureWindow } from "./stack-phi-store-configure-erasure-window";
export { stackResourceConfigureProcessingLabels } from "./stack-resource-configure-processing-labels";
export { stackKinesisConsumerConfigureFailureHandling } from "./stack-kinesis-consumer-configure-failure-handling";
export { stackKubernetesNamespaceEnforceDefaultDeny } from "./stack-kubernetes-namespace-enforce-default-deny";
export { stackAwsPublicApiEnableWaf } from "./stack-aws-public-api-enable-waf";
