/** Policies over the whole stack: what only the set of resources together shows. */
import type { StackValidationPolicy } from "@pulumi/policy";
import { stackPhiStoreEnforceCmkRotation } from "./stack-phi-store-enforce-cmk-rotation";
import { stackS3BucketConfigureKmsEncryption } from "./stack-s3-bucket-configure-kms-encryption";
import { stackS3BucketEnforcePrivateTlsOnly } from "./stack-s3-bucket-enforce-private-tls-only";
import { stackAwsAuditEnableCloudtrailDataEvents } from "./stack-aws-audit-enable-cloudtrail-data-events";
import { stackGcpAuditEnableDataAccessLogs } from "./stack-gcp-audit-enable-data-access-logs";
import { stackAzureAuditEnableDiagnosticSettings } from "./stack-azure-audit-enable-diagnostic-settings";
import { stackAuditLogConfigureRetention } from "./stack-audit-log-configure-retention";
import { stackPhiStoreDisallowPublicAccess } from "./stack-phi-store-disallow-public-access";
import { stackResidencyEnforceAllowedLocations } from "./stack-residency-enforce-allowed-locations";
import { stackPhiStoreConfigureErasureWindow } from "./stack-phi-store-configure-erasure-window";
import { stackResourceConfigureProcessingLabels } from "./stack-resource-configure-processing-labels";
import { stackKinesisConsumerConfigureFailureHandling } from "./stack-kinesis-consumer-configure-failure-handling";
import { stackKubernetesNamespaceEnforceDefaultDeny } from "./stack-kubernetes-namespace-enforce-default-deny";

export {
  stackPhiStoreEnforceCmkRotation,
  stackS3BucketConfigureKmsEncryption,
  stackS3BucketEnforcePrivateTlsOnly,
  stackAwsAuditEnableCloudtrailDataEvents,
  stackGcpAuditEnableDataAccessLogs,
  stackAzureAuditEnableDiagnosticSettings,
  stackAuditLogConfigureRetention,
  stackPhiStoreDisallowPublicAccess,
  stackResidencyEnforceAllowedLocations,
  stackPhiStoreConfigureErasureWindow,
  stackResourceConfigureProcessingLabels,
  stackKinesisConsumerConfigureFailureHandling,
  stackKubernetesNamespaceEnforceDefaultDeny,
};

export const stackPolicies: StackValidationPolicy[] = [
  stackPhiStoreEnforceCmkRotation,
  stackS3BucketConfigureKmsEncryption,
  stackS3BucketEnforcePrivateTlsOnly,
  stackAwsAuditEnableCloudtrailDataEvents,
  stackGcpAuditEnableDataAccessLogs,
  stackAzureAuditEnableDiagnosticSettings,
  stackAuditLogConfigureRetention,
  stackPhiStoreDisallowPublicAccess,
  stackResidencyEnforceAllowedLocations,
  stackPhiStoreConfigureErasureWindow,
  stackResourceConfigureProcessingLabels,
  stackKinesisConsumerConfigureFailureHandling,
  stackKubernetesNamespaceEnforceDefaultDeny,
];
