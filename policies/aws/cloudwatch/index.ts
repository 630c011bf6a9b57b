export { awsCloudwatchLogGroupConfigureRetention } from "./aws-cloudwatch-log-group-configure-retention";
export { awsCloudwatchLogGroupEnableKmsEncryption } from "./aws-cloudwatch-log-group-enable-kms-encryption";
