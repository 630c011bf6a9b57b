export { awsIotPolicyDisallowWildcardGrants } from "./aws-iot-policy-disallow-wildcard-grants";
export { awsIotPolicyEnforceThingScopedConnect } from "./aws-iot-policy-enforce-thing-scoped-connect";
export { awsIotTopicRuleConfigureErrorAction } from "./aws-iot-topic-rule-configure-error-action";
export { awsIotTopicRuleConfigureKinesisPartitionKey } from "./aws-iot-topic-rule-configure-kinesis-partition-key";
export { awsIotTopicRuleConfigureSqlVersion } from "./aws-iot-topic-rule-configure-sql-version";
