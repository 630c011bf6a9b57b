export { awsDynamodbTableEnableCmkEncryption } from "./aws-dynamodb-table-enable-cmk-encryption";
export { awsDynamodbTableEnableDeletionProtection } from "./aws-dynamodb-table-enable-deletion-protection";
export { awsDynamodbTableEnablePointInTimeRecovery } from "./aws-dynamodb-table-enable-point-in-time-recovery";
