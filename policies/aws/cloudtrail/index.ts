export { awsCloudtrailTrailConfigureCloudwatchLogs } from "./aws-cloudtrail-trail-configure-cloudwatch-logs";
export { awsCloudtrailTrailEnableDataEvents } from "./aws-cloudtrail-trail-enable-data-events";
export { awsCloudtrailTrailEnableGlobalServiceEvents } from "./aws-cloudtrail-trail-enable-global-service-events";
export { awsCloudtrailTrailEnableKmsEncryption } from "./aws-cloudtrail-trail-enable-kms-encryption";
export { awsCloudtrailTrailEnableLogFileValidation } from "./aws-cloudtrail-trail-enable-log-file-validation";
export { awsCloudtrailTrailEnableLogging } from "./aws-cloudtrail-trail-enable-logging";
export { awsCloudtrailTrailEnableMultiRegion } from "./aws-cloudtrail-trail-enable-multi-region";
