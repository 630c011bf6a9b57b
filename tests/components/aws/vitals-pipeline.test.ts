import * as fs from "fs";
import * as path from "path";
import {
  Recorded,
  account,
  codeSigning,
  byType,
  installMocks,
  one,
  policyOf,
  region,
  settle,
  statement,
  valueOf,
  key,
  arn,
  signedDeployment,
} from "../../helpers/mocks";

let recorded: Recorded[];
let vitals: typeof import("../../../components/aws/vitals-pipeline");

const streamArn = arn("kinesis", "stream/mc-eu-vitals");
const queueArn = (n: string) => arn("sqs", `mc-eu-vitals-${n}`);
const topicArn = (n: string) => arn("sns", `mc-eu-vitals-${n}`);

beforeAll(async () => {
  recorded = await installMocks();
  vitals = await import("../../../components/aws/vitals-pipeline");
  const pipeline = new vitals.VitalsPipeline("vitals", {
    namePrefix: "mc-eu",
    kmsKeyArn: key,
    alertLinkBase: "https://eu.app.mediconnect.example/alerts/",
    retentionHours: 24,
    logRetentionInDays: 2192,
    codeSigning,
    secrets: { PHI_PSEUDONYM_KEY: arn("secretsmanager", "secret:mc-eu/pseudonym-key") },
  });
  await valueOf(pipeline.mappingId);
  await settle();
});

describe("VitalsPipeline", () => {
  it("deploys its function signed, from the stack's artifact bucket under its code signing configuration", () => {
    expect(signedDeployment(recorded, "vitals-anomaly")).toEqual([
      codeSigning.profileName,
      { s3: { bucket: codeSigning.bucketName, prefix: "signed/mc-eu-vitals-anomaly/" } },
      codeSigning.configArn,
      codeSigning.bucketName,
      "signed/mc-eu-vitals-anomaly/vitals-anomaly-signing-job.zip",
    ]);
  });

  it("encrypts the stream with the platform CMK and keeps records for the configured erasure window", () => {
    expect(one(recorded, "aws:kinesis/stream:Stream", "vitals-stream").inputs).toEqual({
      name: "mc-eu-vitals",
      streamModeDetails: { streamMode: "ON_DEMAND" },
      retentionPeriod: 24,
      encryptionType: "KMS",
      kmsKeyId: key,
      shardLevelMetrics: [
        "IncomingRecords",
        "IteratorAgeMilliseconds",
        "ReadProvisionedThroughputExceeded",
        "WriteProvisionedThroughputExceeded",
      ],
    });
  });

  it("consumes the stream in order with bisection, finite retries and age, and an encrypted on-failure queue", () => {
    expect(
      one(recorded, "aws:lambda/eventSourceMapping:EventSourceMapping", "vitals-mapping").inputs,
    ).toEqual({
      functionName: arn("lambda", "function:mc-eu-vitals-anomaly"),
      eventSourceArn: streamArn,
      startingPosition: "TRIM_HORIZON",
      batchSize: 100,
      maximumBatchingWindowInSeconds: 1,
      bisectBatchOnFunctionError: true,
      maximumRetryAttempts: 5,
      maximumRecordAgeInSeconds: 3600,
      parallelizationFactor: 1,
      functionResponseTypes: ["ReportBatchItemFailures"],
      destinationConfig: { onFailure: { destinationArn: queueArn("failures") } },
      enabled: true,
    });
    expect(one(recorded, "aws:sqs/queue:Queue", "vitals-failures-queue").inputs).toEqual({
      name: "mc-eu-vitals-failures",
      kmsMasterKeyId: key,
      kmsDataKeyReusePeriodSeconds: 300,
      sqsManagedSseEnabled: false,
      messageRetentionSeconds: 1209600,
    });
  });

  it("keeps state and the alert ledger in CMK-encrypted tables with PITR, deletion protection and TTL", () => {
    for (const [name, hashKey] of [
      ["vitals-state", "patientId"],
      ["vitals-alerts", "alertId"],
    ]) {
      expect(one(recorded, "aws:dynamodb/table:Table", `${name}-table`).inputs).toEqual({
        name: `mc-eu-${name}`,
        billingMode: "PAY_PER_REQUEST",
        hashKey,
        attributes: [{ name: hashKey, type: "S" }],
        serverSideEncryption: { enabled: true, kmsKeyArn: key },
        pointInTimeRecovery: { enabled: true, recoveryPeriodInDays: 28 },
        deletionProtectionEnabled: true,
        ttl: { attributeName: "expiresAt", enabled: true },
      });
    }
  });

  it("creates standard topics, which do not deduplicate (the handler README says so)", () => {
    for (const t of ["alerts", "dead-letters", "alarms"]) {
      const inputs = one(recorded, "aws:sns/topic:Topic", `vitals-${t}`).inputs;
      expect([t, inputs.fifoTopic, String(inputs.name).endsWith(".fifo")]).toEqual([
        t,
        undefined,
        false,
      ]);
    }
    const readme = fs.readFileSync(
      path.join(__dirname, "../../../functions/vitals-anomaly/README.md"),
      "utf8",
    );
    expect(readme).toContain("is a standard topic, which\n  does not deduplicate");
  });

  it("encrypts every topic with the CMK and subscribes an encrypted queue to dead letters", () => {
    for (const t of ["alerts", "dead-letters", "alarms"]) {
      expect(one(recorded, "aws:sns/topic:Topic", `vitals-${t}`).inputs.kmsMasterKeyId).toBe(key);
    }
    expect(
      one(recorded, "aws:sns/topicSubscription:TopicSubscription", "vitals-dead-letters").inputs,
    ).toEqual({
      topic: topicArn("dead-letters"),
      protocol: "sqs",
      endpoint: queueArn("dead-letters"),
      rawMessageDelivery: true,
    });
    expect(
      statement(
        one(recorded, "aws:sqs/queuePolicy:QueuePolicy", "vitals-dead-letters-policy"),
        "AllowSender0",
      ),
    ).toEqual({
      Sid: "AllowSender0",
      Effect: "Allow",
      Principal: { Service: "sns.amazonaws.com" },
      Action: "sqs:SendMessage",
      Resource: queueArn("dead-letters"),
      Condition: { ArnEquals: { "aws:SourceArn": topicArn("dead-letters") } },
    });
  });

  it("runs the anomaly handler with the tables and topics it reads, and the pseudonym key by reference", () => {
    const f = one(recorded, "aws:lambda/function:Function", "vitals-anomaly-function").inputs;
    expect(f.environment.variables).toEqual({
      NODE_OPTIONS: "--enable-source-maps",
      VITALS_STATE_TABLE: "mc-eu-vitals-state",
      VITALS_ALERT_TABLE: "mc-eu-vitals-alerts",
      VITALS_ALERT_TOPIC_ARN: topicArn("alerts"),
      VITALS_DEAD_LETTER_TOPIC_ARN: topicArn("dead-letters"),
      VITALS_ALERT_LINK_BASE: "https://eu.app.mediconnect.example/alerts/",
      PHI_PSEUDONYM_KEY_SECRET_ARN: arn("secretsmanager", "secret:mc-eu/pseudonym-key"),
    });
    expect([f.kmsKeyArn, f.deadLetterConfig, f.tracingConfig]).toEqual([
      key,
      { targetArn: queueArn("failures") },
      { mode: "Active" },
    ]);
  });

  it("scopes the function's role to the stream, the two tables, the two topics, the failure queue and the key", () => {
    const statements = policyOf(
      one(recorded, "aws:iam/rolePolicy:RolePolicy", "vitals-anomaly-policy"),
    ).Statement;
    const bySid = Object.fromEntries(
      statements.map((s) => [s["Sid"], [s["Action"], s["Resource"]]]),
    );
    expect(bySid).toEqual({
      WriteOwnLogs: [
        ["logs:CreateLogStream", "logs:PutLogEvents"],
        arn("logs", "log-group:/aws/lambda/mc-eu-vitals-anomaly:*"),
      ],
      ReadSecret0: [
        "secretsmanager:GetSecretValue",
        arn("secretsmanager", "secret:mc-eu/pseudonym-key"),
      ],
      DecryptSecrets: ["kms:Decrypt", key],
      DeadLetter: ["sqs:SendMessage", queueArn("failures")],
      DeadLetterKey: [["kms:GenerateDataKey", "kms:Decrypt"], key],
      ReadStream: [
        [
          "kinesis:DescribeStream",
          "kinesis:DescribeStreamSummary",
          "kinesis:GetRecords",
          "kinesis:GetShardIterator",
          "kinesis:ListShards",
          "kinesis:SubscribeToShard",
        ],
        streamArn,
      ],
      StateTable: [
        ["dynamodb:BatchGetItem", "dynamodb:PutItem"],
        arn("dynamodb", "table/mc-eu-vitals-state"),
      ],
      AlertLedger: [
        ["dynamodb:PutItem", "dynamodb:UpdateItem"],
        arn("dynamodb", "table/mc-eu-vitals-alerts"),
      ],
      PublishAlertsAndDeadLetters: ["sns:Publish", [topicArn("alerts"), topicArn("dead-letters")]],
      PlatformKey: [["kms:Decrypt", "kms:GenerateDataKey"], key],
    });
  });

  it("routes device topics into the stream partitioned by device, with an encrypted error queue", () => {
    expect(one(recorded, "aws:iot/topicRule:TopicRule", "vitals-ingest").inputs).toEqual({
      name: "mc_eu_vitals_ingest",
      description: "Device vitals into the encrypted Kinesis stream, partitioned by device",
      enabled: true,
      sql: "SELECT * FROM 'mediconnect/vitals/+'",
      sqlVersion: "2016-03-23",
      kineses: [
        {
          streamName: "mc-eu-vitals",
          roleArn: `arn:aws:iam::${account}:role/mc-eu-vitals-iot-put`,
          partitionKey: "${topic(3)}",
        },
      ],
      errorAction: {
        sqs: {
          queueUrl: `https://sqs.${region}.amazonaws.com/${account}/mc-eu-vitals-ingest-errors`,
          roleArn: `arn:aws:iam::${account}:role/mc-eu-vitals-iot-error`,
          useBase64: true,
        },
      },
    });
    expect(
      policyOf(one(recorded, "aws:iam/rolePolicy:RolePolicy", "vitals-iot-put")).Statement,
    ).toEqual([
      { Sid: "PutRecord", Effect: "Allow", Action: "kinesis:PutRecord", Resource: streamArn },
      { Sid: "StreamKey", Effect: "Allow", Action: "kms:GenerateDataKey", Resource: key },
    ]);
    expect(
      policyOf(one(recorded, "aws:iam/role:Role", "vitals-iot-put"), "assumeRolePolicy")
        .Statement[0].Condition,
    ).toEqual({
      StringEquals: { "aws:SourceAccount": account },
      ArnLike: { "aws:SourceArn": arn("iot", "rule/mc_eu_vitals_ingest") },
    });
  });

  it("lets a device connect only as its own attached thing and publish only to its own topic", () => {
    expect(policyOf(one(recorded, "aws:iot/policy:Policy", "vitals-device")).Statement).toEqual([
      {
        Sid: "ConnectAsOwnThing",
        Effect: "Allow",
        Action: "iot:Connect",
        Resource: arn("iot", "client/${iot:Connection.Thing.ThingName}"),
        Condition: { Bool: { "iot:Connection.Thing.IsAttached": "true" } },
      },
      {
        Sid: "PublishOwnVitals",
        Effect: "Allow",
        Action: "iot:Publish",
        Resource: arn("iot", "topic/mediconnect/vitals/${iot:Connection.Thing.ThingName}"),
        Condition: { Bool: { "iot:Connection.Thing.IsAttached": "true" } },
      },
    ]);
  });

  it("alarms on iterator age at half the retention and on any throttling, to the encrypted alarm topic", () => {
    const alarms = byType(recorded, "aws:cloudwatch/metricAlarm:MetricAlarm").map((a) => a.inputs);
    expect(
      alarms.map((a) => [
        a.metricName,
        a.statistic,
        a.comparisonOperator,
        a.threshold,
        a.dimensions,
        a.alarmActions,
      ]),
    ).toEqual([
      [
        "GetRecords.IteratorAgeMilliseconds",
        "Maximum",
        "GreaterThanOrEqualToThreshold",
        12 * 3600 * 1000,
        { StreamName: "mc-eu-vitals" },
        [topicArn("alarms")],
      ],
      [
        "ReadProvisionedThroughputExceeded",
        "Sum",
        "GreaterThanThreshold",
        0,
        { StreamName: "mc-eu-vitals" },
        [topicArn("alarms")],
      ],
      [
        "WriteProvisionedThroughputExceeded",
        "Sum",
        "GreaterThanThreshold",
        0,
        { StreamName: "mc-eu-vitals" },
        [topicArn("alarms")],
      ],
    ]);
    expect(
      statement(
        one(recorded, "aws:sns/topicPolicy:TopicPolicy", "vitals-alarms"),
        "CloudWatchAlarms",
      ).Principal,
    ).toEqual({
      Service: "cloudwatch.amazonaws.com",
    });
  });

  it.each([
    [
      { alertLinkBase: "http://app.example.org/alerts/" },
      '[alertLinkBase] must be an https URL ending in "/" such as "https://app.example.org/alerts/", received "http://app.example.org/alerts/"',
    ],
    [{ retentionHours: 12 }, "[retentionHours] must be a whole number from 24 to 168, received 12"],
    [
      { maximumRecordAgeInSeconds: -1 },
      "[maximumRecordAgeInSeconds] must be finite, 60 to the stream retention (86400), received -1",
    ],
    [
      { maximumRetryAttempts: -1 },
      "[maximumRetryAttempts] must be finite, 0 to 10000, received -1",
    ],
  ])("refuses %j, naming the argument", (override, message) => {
    expect(
      () =>
        new vitals.VitalsPipeline("bad", {
          namePrefix: "mc",
          kmsKeyArn: key,
          alertLinkBase: "https://app.example.org/alerts/",
          retentionHours: 24,
          logRetentionInDays: 2192,
          codeSigning,
          ...override,
        }),
    ).toThrow(`VitalsPipeline bad: ${message}`);
  });
});
