import * as iot from "@pulumi/aws/iot";
import { resourcePolicy } from "../../lib/define";

/**
 * Without a partition key IoT Core picks a random one, so one patient's readings spread over shards and arrive out
 * of order; a key per device or patient (for example "${topic(3)}") keeps each series ordered.
 * @severity medium
 * @controls hipaa:164.312(c)(1)
 */
export const awsIotTopicRuleConfigureKinesisPartitionKey = resourcePolicy(
  {
    name: "aws-iot-topic-rule-configure-kinesis-partition-key",
    description:
      "IoT topic rule Kinesis actions (including the error action) must set a partition key.",
    severity: "medium",
    controls: ["hipaa:164.312(c)(1)"],
    remediationSteps:
      'Set `partitionKey` (for example "${topic(3)}", the device or patient segment of the topic) on every `kineses` entry and on `errorAction.kinesis` of the aws.iot.TopicRule.',
  },
  iot.TopicRule,
  (rule, { report }) => {
    const actions = (rule.kineses ?? []).map((k, i) => ({ where: `kineses[${i}]`, action: k }));
    if (rule.errorAction?.kinesis !== undefined) {
      actions.push({ where: "errorAction.kinesis", action: rule.errorAction.kinesis });
    }
    for (const { where, action } of actions) {
      if (action.partitionKey === undefined || action.partitionKey === "") {
        report(
          `${where} (stream ${JSON.stringify(action.streamName)}) has no partitionKey; expected a per-device or per-patient key such as "\${topic(3)}".`,
        );
      }
    }
  },
);
