import * as iot from "@pulumi/aws/iot";
import { resourcePolicy } from "../../lib/define";

/**
 * When a rule action fails (the stream throttles, a role lacks permission) IoT Core discards the message unless
 * the rule has an error action: a device reading would be lost without trace. No scanner checks this.
 * @severity high
 * @controls hipaa:164.312(c)(1), hipaa:164.308(a)(7)
 */
export const awsIotTopicRuleConfigureErrorAction = resourcePolicy(
  {
    name: "aws-iot-topic-rule-configure-error-action",
    description: "IoT topic rules must have an error action so failed messages are kept.",
    severity: "high",
    controls: ["hipaa:164.312(c)(1)", "hipaa:164.308(a)(7)"],
    remediationSteps:
      "Set `errorAction` on the aws.iot.TopicRule, for example `{sqs: {queueUrl, roleArn, useBase64: false}}` to an encrypted queue or `{s3: {bucketName, key, roleArn}}`.",
  },
  iot.TopicRule,
  (rule, { report }) => {
    if (rule.errorAction === undefined) {
      report(
        "errorAction is not set; failed messages are discarded. Expected an SQS or S3 error action.",
      );
    }
  },
);
