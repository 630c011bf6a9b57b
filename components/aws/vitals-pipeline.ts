import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { physicalName } from "../shared/naming";
import { EncryptedQueue } from "./encrypted-queue";
import type { FunctionCodeSigning } from "./code-signing";
import { NodeFunction } from "./node-function";
import { PhiTable } from "./phi-table";
import { wholeNumber } from "../shared/validate";
import { denyInsecureTransport } from "./statements";

export interface VitalsPipelineArgs {
  /** Prefix of physical names (`<namePrefix>-<name>`). */
  readonly namePrefix: string;
  /** The platform CMK: stream, tables, queues, topics, logs and the function's environment. */
  readonly kmsKeyArn: pulumi.Input<string>;
  /**
   * URL prefix of an alert in the clinical app (https, ending in "/"); the alert id is appended. Alert messages carry
   * this link and a pseudonymous patient id instead of PHI.
   */
  readonly alertLinkBase: string;
  /** Stream retention in hours (24 to 168): the erasure window of raw readings. */
  readonly retentionHours: number;
  /** Retention of every log group (from the stack configuration). */
  readonly logRetentionInDays: number;
  /** The stack's code signing: the function's package is signed and deployed under its configuration. */
  readonly codeSigning: FunctionCodeSigning;
  /**
   * MQTT topic prefix devices publish to; a device publishes only to `<topicPrefix>/<its thing name>`.
   * @default "mediconnect/vitals"
   */
  readonly topicPrefix?: string;
  /**
   * Secrets the anomaly function reads (name to Secrets Manager ARN), for example the log pseudonym key.
   * @default none
   */
  readonly secrets?: Record<string, pulumi.Input<string>>;
  /** Lambda settings of the anomaly function. @default reserved concurrency 10 */
  readonly reservedConcurrentExecutions?: number;
  /** Private subnets and security groups for the anomaly function. @default not attached to a VPC */
  readonly vpc?: {
    readonly subnetIds: pulumi.Input<pulumi.Input<string>[]>;
    readonly securityGroupIds: pulumi.Input<pulumi.Input<string>[]>;
  };
  /** Records per batch. @default 100 */
  readonly batchSize?: number;
  /** Retries of a failing batch (bisected each time) before its records go to the on-failure queue. @default 5 */
  readonly maximumRetryAttempts?: number;
  /** Records older than this many seconds go to the on-failure queue instead of being processed. @default 3600 */
  readonly maximumRecordAgeInSeconds?: number;
  /** Extra tags. @default none */
  readonly tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

/**
 * Bedside and wearable vitals: IoT Core devices publish to their own topic, a topic rule puts each reading on a
 * KMS-encrypted Kinesis stream keyed by device (per-patient order), and the anomaly function (functions/
 * vitals-anomaly) consumes it through an event source mapping with bisection, finite retries and an encrypted
 * on-failure queue. State and alert ledger in encrypted DynamoDB tables, alerts and dead letters on encrypted SNS
 * topics, and CloudWatch alarms on iterator age and throughput to an encrypted operations topic.
 */
export class VitalsPipeline extends pulumi.ComponentResource {
  public readonly streamArn: pulumi.Output<string>;
  public readonly streamName: pulumi.Output<string>;
  public readonly function: NodeFunction;
  public readonly stateTable: PhiTable;
  public readonly alertTable: PhiTable;
  public readonly alertTopicArn: pulumi.Output<string>;
  public readonly deadLetterTopicArn: pulumi.Output<string>;
  public readonly alarmTopicArn: pulumi.Output<string>;
  public readonly failureQueueArn: pulumi.Output<string>;
  public readonly ingestErrorQueueArn: pulumi.Output<string>;
  public readonly deadLetterQueueArn: pulumi.Output<string>;
  public readonly failureQueueName: pulumi.Output<string>;
  public readonly ingestErrorQueueName: pulumi.Output<string>;
  public readonly deadLetterQueueName: pulumi.Output<string>;
  public readonly devicePolicyName: pulumi.Output<string>;
  public readonly topicRuleName: pulumi.Output<string>;
  public readonly mappingId: pulumi.Output<string>;

  constructor(name: string, args: VitalsPipelineArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super("mediconnect:aws:VitalsPipeline", name, {}, opts);
    wholeNumber(`VitalsPipeline ${name}`, "retentionHours", args.retentionHours, 24, 168);
    const retries = args.maximumRetryAttempts ?? 5;
    if (!Number.isInteger(retries) || retries < 0 || retries > 10000) {
      throw new Error(
        `VitalsPipeline ${name}: [maximumRetryAttempts] must be finite, 0 to 10000, received ${retries}`,
      );
    }
    const maxAge = args.maximumRecordAgeInSeconds ?? 3600;
    if (
      !Number.isInteger(maxAge) ||
      maxAge < 60 ||
      maxAge > 604800 ||
      maxAge > args.retentionHours * 3600
    ) {
      throw new Error(
        `VitalsPipeline ${name}: [maximumRecordAgeInSeconds] must be finite, 60 to the stream retention ` +
          `(${args.retentionHours * 3600}), received ${maxAge}`,
      );
    }
    if (!/^https:\/\/[^\s/?#]+\/[^\s?#]*\/$/.test(args.alertLinkBase)) {
      throw new Error(
        `VitalsPipeline ${name}: [alertLinkBase] must be an https URL ending in "/" such as "https://app.example.org/alerts/", received ${JSON.stringify(args.alertLinkBase)}`,
      );
    }
    const topicPrefix = args.topicPrefix ?? "mediconnect/vitals";
    if (!/^[a-z0-9-]+\/[a-z0-9-]+$/.test(topicPrefix)) {
      throw new Error(
        `VitalsPipeline ${name}: [topicPrefix] must be two topic levels such as "mediconnect/vitals" (the device id is the third), received ${JSON.stringify(topicPrefix)}`,
      );
    }
    const key = args.kmsKeyArn;
    const child = { parent: this };
    const region = aws.getRegionOutput({}, child).region;
    const account = aws.getCallerIdentityOutput({}, child).accountId;

    const stream = new aws.kinesis.Stream(
      `${name}-stream`,
      {
        name: physicalName(args.namePrefix, name, 128),
        streamModeDetails: { streamMode: "ON_DEMAND" },
        retentionPeriod: args.retentionHours,
        encryptionType: "KMS",
        kmsKeyId: key,
        shardLevelMetrics: [
          "IncomingRecords",
          "IteratorAgeMilliseconds",
          "ReadProvisionedThroughputExceeded",
          "WriteProvisionedThroughputExceeded",
        ],
        tags: args.tags,
      },
      child,
    );

    const stateTable = new PhiTable(
      `${name}-state`,
      { namePrefix: args.namePrefix, hashKey: "patientId", kmsKeyArn: key, tags: args.tags },
      child,
    );
    const alertTable = new PhiTable(
      `${name}-alerts`,
      { namePrefix: args.namePrefix, hashKey: "alertId", kmsKeyArn: key, tags: args.tags },
      child,
    );

    const topic = (suffix: string, description: string) =>
      new aws.sns.Topic(
        `${name}-${suffix}`,
        {
          name: physicalName(args.namePrefix, `${name}-${suffix}`, 256),
          displayName: description,
          kmsMasterKeyId: key,
          tags: args.tags,
        },
        child,
      );
    const alertTopic = topic("alerts", "MediConnect vitals alerts");
    const deadLetterTopic = topic("dead-letters", "MediConnect vitals dead letters");
    // CloudWatch alarms publish here: operations, not clinical alerts (and alarms cannot publish to FIFO topics).
    const alarmTopic = topic("alarms", "MediConnect vitals pipeline alarms");
    for (const [suffix, t] of [
      ["alerts", alertTopic],
      ["dead-letters", deadLetterTopic],
      ["alarms", alarmTopic],
    ] as const) {
      new aws.sns.TopicPolicy(
        `${name}-${suffix}`,
        {
          arn: t.arn,
          policy: pulumi.jsonStringify({
            Version: "2012-10-17",
            Statement: [
              denyInsecureTransport("sns:Publish", t.arn),
              ...(suffix === "alarms"
                ? [
                    {
                      Sid: "CloudWatchAlarms",
                      Effect: "Allow",
                      Principal: { Service: "cloudwatch.amazonaws.com" },
                      Action: "sns:Publish",
                      Resource: t.arn,
                      Condition: {
                        StringEquals: { "aws:SourceAccount": account },
                        ArnLike: {
                          "aws:SourceArn": pulumi.interpolate`arn:aws:cloudwatch:${region}:${account}:alarm:*`,
                        },
                      },
                    },
                  ]
                : []),
            ],
          }),
        },
        child,
      );
    }

    const deadLetterQueue = new EncryptedQueue(
      `${name}-dead-letters`,
      {
        namePrefix: args.namePrefix,
        kmsKeyArn: key,
        senders: [{ service: "sns.amazonaws.com", sourceArn: deadLetterTopic.arn }],
        tags: args.tags,
      },
      child,
    );
    new aws.sns.TopicSubscription(
      `${name}-dead-letters`,
      {
        topic: deadLetterTopic.arn,
        protocol: "sqs",
        endpoint: deadLetterQueue.queueArn,
        rawMessageDelivery: true,
      },
      child,
    );
    const failureQueue = new EncryptedQueue(
      `${name}-failures`,
      { namePrefix: args.namePrefix, kmsKeyArn: key, tags: args.tags },
      child,
    );
    const ingestErrors = new EncryptedQueue(
      `${name}-ingest-errors`,
      { namePrefix: args.namePrefix, kmsKeyArn: key, tags: args.tags },
      child,
    );

    const fn = new NodeFunction(
      `${name}-anomaly`,
      {
        entry: "functions/vitals-anomaly/handler.ts",
        namePrefix: args.namePrefix,
        kmsKeyArn: key,
        logRetentionInDays: args.logRetentionInDays,
        codeSigning: args.codeSigning,
        reservedConcurrentExecutions: args.reservedConcurrentExecutions,
        timeout: 60,
        memorySize: 512,
        vpc: args.vpc,
        // Invocations come from the mapping, whose own on-failure destination is this queue; asynchronous
        // invocations (replays by an operator) fail into the same place.
        deadLetterQueueArn: failureQueue.queueArn,
        environment: {
          VITALS_STATE_TABLE: stateTable.tableName,
          VITALS_ALERT_TABLE: alertTable.tableName,
          VITALS_ALERT_TOPIC_ARN: alertTopic.arn,
          VITALS_DEAD_LETTER_TOPIC_ARN: deadLetterTopic.arn,
          VITALS_ALERT_LINK_BASE: args.alertLinkBase,
        },
        secrets: args.secrets,
        policyStatements: [
          {
            Sid: "ReadStream",
            Action: [
              "kinesis:DescribeStream",
              "kinesis:DescribeStreamSummary",
              "kinesis:GetRecords",
              "kinesis:GetShardIterator",
              "kinesis:ListShards",
              "kinesis:SubscribeToShard",
            ],
            Resource: stream.arn,
          },
          {
            Sid: "StateTable",
            Action: ["dynamodb:BatchGetItem", "dynamodb:PutItem"],
            Resource: stateTable.tableArn,
          },
          {
            Sid: "AlertLedger",
            Action: ["dynamodb:PutItem", "dynamodb:UpdateItem"],
            Resource: alertTable.tableArn,
          },
          {
            Sid: "PublishAlertsAndDeadLetters",
            Action: "sns:Publish",
            Resource: [alertTopic.arn, deadLetterTopic.arn],
          },
          { Sid: "PlatformKey", Action: ["kms:Decrypt", "kms:GenerateDataKey"], Resource: key },
        ],
        tags: args.tags,
      },
      child,
    );

    const mapping = new aws.lambda.EventSourceMapping(
      `${name}-mapping`,
      {
        functionName: fn.functionArn,
        eventSourceArn: stream.arn,
        startingPosition: "TRIM_HORIZON",
        batchSize: args.batchSize ?? 100,
        maximumBatchingWindowInSeconds: 1,
        bisectBatchOnFunctionError: true,
        maximumRetryAttempts: retries,
        maximumRecordAgeInSeconds: maxAge,
        // One concurrent batch per shard: a patient's readings are applied in order.
        parallelizationFactor: 1,
        functionResponseTypes: ["ReportBatchItemFailures"],
        destinationConfig: { onFailure: { destinationArn: failureQueue.queueArn } },
        enabled: true,
        tags: args.tags,
      },
      { parent: this, dependsOn: [fn] },
    );

    const iotAssume = (ruleName: string) =>
      pulumi.jsonStringify({
        Version: "2012-10-17",
        Statement: [
          {
            Effect: "Allow",
            Principal: { Service: "iot.amazonaws.com" },
            Action: "sts:AssumeRole",
            Condition: {
              StringEquals: { "aws:SourceAccount": account },
              ArnLike: {
                "aws:SourceArn": pulumi.interpolate`arn:aws:iot:${region}:${account}:rule/${ruleName}`,
              },
            },
          },
        ],
      });
    const ruleName = physicalName(args.namePrefix, `${name}-ingest`, 128).replace(/-/g, "_");
    const putRole = new aws.iam.Role(
      `${name}-iot-put`,
      {
        name: physicalName(args.namePrefix, `${name}-iot-put`, 64),
        assumeRolePolicy: iotAssume(ruleName),
        tags: args.tags,
      },
      child,
    );
    new aws.iam.RolePolicy(
      `${name}-iot-put`,
      {
        role: putRole.name,
        policy: pulumi.jsonStringify({
          Version: "2012-10-17",
          Statement: [
            {
              Sid: "PutRecord",
              Effect: "Allow",
              Action: "kinesis:PutRecord",
              Resource: stream.arn,
            },
            { Sid: "StreamKey", Effect: "Allow", Action: "kms:GenerateDataKey", Resource: key },
          ],
        }),
      },
      child,
    );
    const errorRole = new aws.iam.Role(
      `${name}-iot-error`,
      {
        name: physicalName(args.namePrefix, `${name}-iot-error`, 64),
        assumeRolePolicy: iotAssume(ruleName),
        tags: args.tags,
      },
      child,
    );
    new aws.iam.RolePolicy(
      `${name}-iot-error`,
      {
        role: errorRole.name,
        policy: pulumi.jsonStringify({
          Version: "2012-10-17",
          Statement: [
            {
              Sid: "SendError",
              Effect: "Allow",
              Action: "sqs:SendMessage",
              Resource: ingestErrors.queueArn,
            },
            {
              Sid: "QueueKey",
              Effect: "Allow",
              Action: ["kms:GenerateDataKey", "kms:Decrypt"],
              Resource: key,
            },
          ],
        }),
      },
      child,
    );

    const rule = new aws.iot.TopicRule(
      `${name}-ingest`,
      {
        name: ruleName,
        description: "Device vitals into the encrypted Kinesis stream, partitioned by device",
        enabled: true,
        sql: `SELECT * FROM '${topicPrefix}/+'`,
        sqlVersion: "2016-03-23",
        kineses: [{ streamName: stream.name, roleArn: putRole.arn, partitionKey: "${topic(3)}" }],
        errorAction: {
          sqs: { queueUrl: ingestErrors.queueUrl, roleArn: errorRole.arn, useBase64: true },
        },
        tags: args.tags,
      },
      child,
    );

    const thing = "${iot:Connection.Thing.ThingName}";
    const devicePolicy = new aws.iot.Policy(
      `${name}-device`,
      {
        name: physicalName(args.namePrefix, `${name}-device`, 128),
        policy: pulumi.jsonStringify({
          Version: "2012-10-17",
          Statement: [
            {
              Sid: "ConnectAsOwnThing",
              Effect: "Allow",
              Action: "iot:Connect",
              Resource: pulumi.interpolate`arn:aws:iot:${region}:${account}:client/${thing}`,
              Condition: { Bool: { "iot:Connection.Thing.IsAttached": "true" } },
            },
            {
              Sid: "PublishOwnVitals",
              Effect: "Allow",
              Action: "iot:Publish",
              Resource: pulumi.interpolate`arn:aws:iot:${region}:${account}:topic/${topicPrefix}/${thing}`,
              Condition: { Bool: { "iot:Connection.Thing.IsAttached": "true" } },
            },
          ],
        }),
        tags: args.tags,
      },
      child,
    );

    const alarm = (
      suffix: string,
      metricName: string,
      statistic: string,
      comparison: string,
      threshold: number,
      description: string,
    ) =>
      new aws.cloudwatch.MetricAlarm(
        `${name}-${suffix}`,
        {
          name: physicalName(args.namePrefix, `${name}-${suffix}`, 255),
          alarmDescription: description,
          namespace: "AWS/Kinesis",
          metricName,
          dimensions: { StreamName: stream.name },
          statistic,
          period: 300,
          evaluationPeriods: 1,
          comparisonOperator: comparison,
          threshold,
          treatMissingData: "notBreaching",
          alarmActions: [alarmTopic.arn],
          okActions: [alarmTopic.arn],
          tags: args.tags,
        },
        child,
      );
    const halfRetentionMs = (args.retentionHours * 3600 * 1000) / 2;
    alarm(
      "iterator-age",
      "GetRecords.IteratorAgeMilliseconds",
      "Maximum",
      "GreaterThanOrEqualToThreshold",
      halfRetentionMs,
      `Vitals are waiting half the stream retention (${args.retentionHours / 2} h): alerts are late and records near expiry`,
    );
    alarm(
      "read-throttled",
      "ReadProvisionedThroughputExceeded",
      "Sum",
      "GreaterThanThreshold",
      0,
      "Reads of the vitals stream are throttled",
    );
    alarm(
      "write-throttled",
      "WriteProvisionedThroughputExceeded",
      "Sum",
      "GreaterThanThreshold",
      0,
      "Writes to the vitals stream are throttled: device readings are being rejected",
    );

    this.streamArn = stream.arn;
    this.streamName = stream.name;
    this.function = fn;
    this.stateTable = stateTable;
    this.alertTable = alertTable;
    this.alertTopicArn = alertTopic.arn;
    this.deadLetterTopicArn = deadLetterTopic.arn;
    this.alarmTopicArn = alarmTopic.arn;
    this.failureQueueArn = failureQueue.queueArn;
    this.ingestErrorQueueArn = ingestErrors.queueArn;
    this.deadLetterQueueArn = deadLetterQueue.queueArn;
    this.failureQueueName = failureQueue.queueName;
    this.ingestErrorQueueName = ingestErrors.queueName;
    this.deadLetterQueueName = deadLetterQueue.queueName;
    this.devicePolicyName = devicePolicy.name;
    this.topicRuleName = rule.name;
    this.mappingId = mapping.id;
    this.registerOutputs({
      streamArn: this.streamArn,
      functionArn: fn.functionArn,
      alertTopicArn: this.alertTopicArn,
      devicePolicyName: this.devicePolicyName,
    });
  }
}
