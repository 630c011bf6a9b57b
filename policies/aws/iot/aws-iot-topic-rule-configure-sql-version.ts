import * as iot from "@pulumi/aws/iot";
import { resourcePolicy } from "../../lib/define";

/**
 * The 2015 and beta SQL versions differ in how they substitute and cast values; pinning 2016-03-23 makes the
 * rule's selection of device data (and what it forwards) well defined.
 * @severity low
 * @controls hipaa:164.312(c)(1), gdpr:art25
 */
export const awsIotTopicRuleConfigureSqlVersion = resourcePolicy(
  {
    name: "aws-iot-topic-rule-configure-sql-version",
    description: 'IoT topic rules must use SQL version "2016-03-23".',
    severity: "low",
    controls: ["hipaa:164.312(c)(1)", "gdpr:art25"],
    remediationSteps: 'Set `sqlVersion: "2016-03-23"` on the aws.iot.TopicRule.',
  },
  iot.TopicRule,
  (rule, { report }) => {
    if (rule.sqlVersion !== "2016-03-23") {
      report(`sqlVersion is ${JSON.stringify(rule.sqlVersion)}; expected "2016-03-23".`);
    }
  },
);
