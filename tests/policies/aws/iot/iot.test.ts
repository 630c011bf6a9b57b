import * as policies from "../../../../policies/aws/iot";
import { describePolicy, unknown } from "../cases";

const rule = "aws:iot/topicRule:TopicRule";
const kinesisAction = {
  streamName: "vitals",
  roleArn: "arn:aws:iam::123456789012:role/iot",
  partitionKey: "${topic(3)}",
};
const r = (props: Record<string, unknown> = {}) => ({
  enabled: true,
  sql: "SELECT * FROM 'devices/+/vitals'",
  sqlVersion: "2016-03-23",
  kineses: [kinesisAction],
  ...props,
});
const errorAction = {
  sqs: {
    queueUrl: "https://sqs.eu-central-1.amazonaws.com/123456789012/iot-errors",
    roleArn: "arn:aws:iam::123456789012:role/iot",
    useBase64: false,
  },
};

describePolicy(policies.awsIotTopicRuleConfigureErrorAction, {
  type: rule,
  compliant: [r({ errorAction })],
  nonCompliant: [],
  absent: [
    r(),
    [
      "errorAction is not set; failed messages are discarded. Expected an SQS or S3 error action. (Control ID: HIPAA 164.312(c)(1); HIPAA 164.308(a)(7))",
    ],
  ],
  unknown: [r({ errorAction: unknown })],
});

describePolicy(policies.awsIotTopicRuleConfigureSqlVersion, {
  type: rule,
  compliant: [r()],
  nonCompliant: [
    [
      "2015",
      r({ sqlVersion: "2015-10-08" }),
      [
        'sqlVersion is "2015-10-08"; expected "2016-03-23". (Control ID: HIPAA 164.312(c)(1); GDPR Art. 25)',
      ],
    ],
  ],
  absent: [
    r({ sqlVersion: "beta" }),
    [
      'sqlVersion is "beta"; expected "2016-03-23". (Control ID: HIPAA 164.312(c)(1); GDPR Art. 25)',
    ],
  ],
  unknown: [r({ sqlVersion: unknown })],
});

const order = "(Control ID: HIPAA 164.312(c)(1))";
describePolicy(policies.awsIotTopicRuleConfigureKinesisPartitionKey, {
  type: rule,
  compliant: [r({ errorAction: { kinesis: kinesisAction } }), r({ kineses: [] })],
  nonCompliant: [
    [
      "no key on the action nor on the error action",
      r({
        kineses: [{ streamName: "vitals", roleArn: "r" }],
        errorAction: { kinesis: { streamName: "errors", roleArn: "r" } },
      }),
      [
        `kineses[0] (stream "vitals") has no partitionKey; expected a per-device or per-patient key such as "\${topic(3)}". ${order}`,
        `errorAction.kinesis (stream "errors") has no partitionKey; expected a per-device or per-patient key such as "\${topic(3)}". ${order}`,
      ],
    ],
  ],
  absent: [
    r({ kineses: [{ streamName: "vitals", roleArn: "r" }] }),
    [
      `kineses[0] (stream "vitals") has no partitionKey; expected a per-device or per-patient key such as "\${topic(3)}". ${order}`,
    ],
  ],
  unknown: [r({ kineses: [{ streamName: "vitals", roleArn: "r", partitionKey: unknown }] })],
});

const access = "(Control ID: HIPAA 164.312(a)(1); GDPR Art. 32)";
const doc = (...statements: object[]) =>
  JSON.stringify({ Version: "2012-10-17", Statement: statements });
const arn = "arn:aws:iot:eu-central-1:123456789012";
const connect = {
  Sid: "Connect",
  Effect: "Allow",
  Action: "iot:Connect",
  Resource: `${arn}:client/\${iot:Connection.Thing.ThingName}`,
};
const publish = {
  Sid: "Publish",
  Effect: "Allow",
  Action: ["iot:Publish"],
  Resource: [`${arn}:topic/devices/\${iot:Connection.Thing.ThingName}/vitals`],
};

describePolicy(policies.awsIotPolicyDisallowWildcardGrants, {
  type: "aws:iot/policy:Policy",
  compliant: [{ policy: doc(connect, publish) }],
  nonCompliant: [
    [
      "iot:* on *",
      { policy: doc({ Sid: "All", Effect: "Allow", Action: "iot:*", Resource: "*" }) },
      [
        `Statement All allows "iot:*"; expected named actions. ${access}`,
        `Statement All allows Resource "*"; expected thing-scoped ARNs. ${access}`,
      ],
    ],
    [
      "not JSON",
      { policy: "{" },
      [`The IoT policy is not valid JSON, so its grants cannot be verified. ${access}`],
    ],
  ],
  absent: [{ policy: doc() }, []],
  unknown: [{ policy: unknown }],
});

const scoped = "(Control ID: HIPAA 164.312(a)(1); HIPAA 164.312(a)(2)(i); HIPAA 164.312(d))";
describePolicy(policies.awsIotPolicyEnforceThingScopedConnect, {
  type: "aws:iot/policy:Policy",
  compliant: [{ policy: doc(connect, publish) }],
  nonCompliant: [
    [
      "any client id",
      { policy: doc({ ...connect, Resource: `${arn}:client/*` }) },
      [
        `Statement Connect allows iot:Connect on "${arn}:client/*"; expected client/\${iot:Connection.Thing.ThingName}. ${scoped}`,
      ],
    ],
    [
      "not JSON",
      { policy: "{" },
      [`The IoT policy is not valid JSON, so its connect scope cannot be verified. ${scoped}`],
    ],
  ],
  absent: [{ policy: doc(publish) }, []],
  unknown: [{ policy: unknown }],
});
