import {
  Recorded,
  arn,
  account,
  byType,
  installMocks,
  key,
  one,
  policyOf,
  region,
  settle,
  valueOf,
} from "../../helpers/mocks";

let recorded: Recorded[];
let alerting: typeof import("../../../components/aws/alerting");

const clinicianTopic = arn("sns", "mc-eu-vitals-alerts");
const pipelineAlarms = arn("sns", "mc-eu-vitals-alarms");
const opsTopic = arn("sns", "mc-eu-alerting-operations");

const baseArgs = () => ({
  namePrefix: "mc-eu",
  kmsKeyArn: key,
  clinicianTopicArn: clinicianTopic,
  clinicians: {
    emails: ["ward-a@hospital.example", "ward-b@hospital.example"],
    sms: ["+4915112345678"],
    endpoint: "https://app.example.org/api/alerts/vitals",
  },
  operations: { emails: ["oncall@hospital.example"], endpoint: "https://pager.example.org/hook" },
  functions: [
    { name: "video-meeting", functionName: "mc-eu-video-meeting" },
    { name: "vitals-anomaly", functionName: "mc-eu-vitals-anomaly" },
  ],
  deadLetterQueues: [{ name: "vitals-failures", queueName: "mc-eu-vitals-failures" }],
  streams: [{ name: "vitals-stream", streamName: "mc-eu-vitals" }],
  apis: [{ name: "api", apiId: "api-id-1" }],
  otherAlarmTopicArns: [pipelineAlarms],
});

beforeAll(async () => {
  recorded = await installMocks();
  alerting = await import("../../../components/aws/alerting");
  const component = new alerting.Alerting("alerting", baseArgs());
  await valueOf(component.operationsTopicArn);
  await settle();
});

const subscriptions = () =>
  byType(recorded, "aws:sns/topicSubscription:TopicSubscription")
    .map((s) => [s.name, s.inputs.topic, s.inputs.protocol, s.inputs.endpoint])
    .sort((a, b) => a[0].localeCompare(b[0]));

describe("Alerting", () => {
  it("subscribes the clinicians on duty and the clinical app to the clinical alert topic", () => {
    expect(subscriptions().filter(([, topic]) => topic === clinicianTopic)).toEqual([
      ["alerting-clinicians-email-1", clinicianTopic, "email", "ward-a@hospital.example"],
      ["alerting-clinicians-email-2", clinicianTopic, "email", "ward-b@hospital.example"],
      [
        "alerting-clinicians-https-1",
        clinicianTopic,
        "https",
        "https://app.example.org/api/alerts/vitals",
      ],
      ["alerting-clinicians-sms-1", clinicianTopic, "sms", "+4915112345678"],
    ]);
    const https = one(
      recorded,
      "aws:sns/topicSubscription:TopicSubscription",
      "alerting-clinicians-https-1",
    );
    expect([https.inputs.endpointAutoConfirms, https.inputs.confirmationTimeoutInMinutes]).toEqual([
      false,
      undefined,
    ]);
  });

  it("subscribes the on-call team to the operations topic and to the pipeline's alarm topic", () => {
    expect(subscriptions().filter(([, topic]) => topic !== clinicianTopic)).toEqual([
      ["alerting-operations-email-1", opsTopic, "email", "oncall@hospital.example"],
      ["alerting-operations-https-1", opsTopic, "https", "https://pager.example.org/hook"],
      ["alerting-other-alarms-1-email-1", pipelineAlarms, "email", "oncall@hospital.example"],
      [
        "alerting-other-alarms-1-https-1",
        pipelineAlarms,
        "https",
        "https://pager.example.org/hook",
      ],
    ]);
  });

  it("encrypts the operations topic with the platform key", () => {
    expect(one(recorded, "aws:sns/topic:Topic", "alerting-operations").inputs).toEqual({
      name: "mc-eu-alerting-operations",
      displayName: "MediConnect operations alarms",
      kmsMasterKeyId: key,
    });
  });

  it("lets only this account's CloudWatch alarms publish, over TLS only (minimal topic policy)", () => {
    expect(
      policyOf(one(recorded, "aws:sns/topicPolicy:TopicPolicy", "alerting-operations")),
    ).toEqual({
      Version: "2012-10-17",
      Statement: [
        {
          Sid: "DenyInsecureTransport",
          Effect: "Deny",
          Principal: "*",
          Action: "sns:Publish",
          Resource: opsTopic,
          Condition: { Bool: { "aws:SecureTransport": "false" } },
        },
        {
          Sid: "CloudWatchAlarmsOfThisAccount",
          Effect: "Allow",
          Principal: { Service: "cloudwatch.amazonaws.com" },
          Action: "sns:Publish",
          Resource: opsTopic,
          Condition: {
            StringEquals: { "aws:SourceAccount": account },
            ArnLike: { "aws:SourceArn": `arn:aws:cloudwatch:${region}:${account}:alarm:*` },
          },
        },
      ],
    });
  });

  it("alarms on every function's errors and throttles, dead-letter depth, iterator age and the 5xx rate", () => {
    const alarms = byType(recorded, "aws:cloudwatch/metricAlarm:MetricAlarm").sort((a, b) =>
      a.name.localeCompare(b.name),
    );
    expect(
      alarms.map((a) => [
        a.name,
        a.inputs.namespace,
        a.inputs.metricName,
        a.inputs.dimensions,
        a.inputs.statistic,
        a.inputs.comparisonOperator,
        a.inputs.threshold,
      ]),
    ).toEqual([
      [
        "alerting-api-5xx-rate",
        undefined,
        undefined,
        undefined,
        undefined,
        "GreaterThanThreshold",
        5,
      ],
      [
        "alerting-video-meeting-errors",
        "AWS/Lambda",
        "Errors",
        { FunctionName: "mc-eu-video-meeting" },
        "Sum",
        "GreaterThanThreshold",
        0,
      ],
      [
        "alerting-video-meeting-throttles",
        "AWS/Lambda",
        "Throttles",
        { FunctionName: "mc-eu-video-meeting" },
        "Sum",
        "GreaterThanThreshold",
        0,
      ],
      [
        "alerting-vitals-anomaly-errors",
        "AWS/Lambda",
        "Errors",
        { FunctionName: "mc-eu-vitals-anomaly" },
        "Sum",
        "GreaterThanThreshold",
        0,
      ],
      [
        "alerting-vitals-anomaly-throttles",
        "AWS/Lambda",
        "Throttles",
        { FunctionName: "mc-eu-vitals-anomaly" },
        "Sum",
        "GreaterThanThreshold",
        0,
      ],
      [
        "alerting-vitals-failures-depth",
        "AWS/SQS",
        "ApproximateNumberOfMessagesVisible",
        { QueueName: "mc-eu-vitals-failures" },
        "Maximum",
        "GreaterThanThreshold",
        0,
      ],
      [
        "alerting-vitals-stream-iterator-age",
        "AWS/Kinesis",
        "GetRecords.IteratorAgeMilliseconds",
        { StreamName: "mc-eu-vitals" },
        "Maximum",
        "GreaterThanOrEqualToThreshold",
        300000,
      ],
    ]);
    for (const a of alarms) {
      expect([a.inputs.alarmActions, a.inputs.okActions, a.inputs.treatMissingData]).toEqual([
        [opsTopic],
        [opsTopic],
        "notBreaching",
      ]);
    }
  });

  it("computes the API's 5xx rate as a percentage of requests", () => {
    const rate = one(recorded, "aws:cloudwatch/metricAlarm:MetricAlarm", "alerting-api-5xx-rate");
    const metric = (metricName: string) => ({
      namespace: "AWS/ApiGateway",
      metricName,
      dimensions: { ApiId: "api-id-1", Stage: "$default" },
      period: 300,
      stat: "Sum",
    });
    expect(rate.inputs.metricQueries).toEqual([
      { id: "errors", metric: metric("5xx"), returnData: false },
      { id: "requests", metric: metric("Count"), returnData: false },
      {
        id: "rate",
        expression: "IF(requests > 0, 100 * errors / requests, 0)",
        label: "5xx rate (%)",
        returnData: true,
      },
    ]);
  });

  it("creates no IAM role or policy: CloudWatch publishes through the topic policy alone", () => {
    expect(recorded.filter((r) => r.type.startsWith("aws:iam/"))).toEqual([]);
  });

  it.each<[string, object, string]>([
    [
      "an http endpoint",
      { clinicians: { ...baseArgs().clinicians, endpoint: "http://app.example.org/x" } },
      '[clinicians.endpoint] "http://app.example.org/x" is not an https URL',
    ],
    [
      "no clinician address or number",
      { clinicians: { endpoint: "https://app.example.org/x" } },
      "[clinicians] has no e-mail address and no phone number",
    ],
    ["no on-call address", { operations: { emails: [] } }, "[operations.emails] is empty"],
    [
      "a bad SMS number",
      { clinicians: { ...baseArgs().clinicians, sms: ["0151"] } },
      '[clinicians.sms[0]] "0151" is not a phone number in E.164 form',
    ],
    ["no function", { functions: [] }, "[functions] is empty"],
    [
      "a repeated watched name",
      { streams: [{ name: "api", streamName: "s" }] },
      'watched name "api" is used twice',
    ],
  ])("refuses %s, naming the argument", (_label, override, message) => {
    expect(() => new alerting.Alerting("bad", { ...baseArgs(), ...override })).toThrow(message);
  });
});
