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

/** The validated settings of a pipeline, defaults applied. */
export interface VitalsSettings {
  readonly maximumRetryAttempts: number;
  readonly maximumRecordAgeInSeconds: number;
  readonly topicPrefix: string;
}

/** Checks the arguments before anything is registered, throwing with the argument named; applies the defaults. */
export function checkVitalsPipelineArgs(name: string, args: VitalsPipelineArgs): VitalsSettings {
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
  return { maximumRetryAttempts: retries, maximumRecordAgeInSeconds: maxAge, topicPrefix };
}

/** The pipeline's SNS topics: clinical alerts, dead letters, and operations alarms. */
interface Topics {
  readonly alerts: aws.sns.Topic;
  readonly deadLetters: aws.sns.Topic;
  readonly alarms: aws.sns.Topic;
}

/** The pipeline's queues: dead letters kept from their topic, failed batches, and ingest errors of the rule. */
interface Queues {
  readonly deadLetters: EncryptedQueue;
  readonly failures: EncryptedQueue;
  readonly ingestErrors: EncryptedQueue;
}

/** Where the pipeline runs: its region and account, as the provider answers. */
interface Location {
  readonly region: pulumi.Output<string>;
  readonly account: pulumi.Output<string>;
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
    const settings = checkVitalsPipelineArgs(name, args);
    const child = { parent: this };
    const at: Location = {
      region: aws.getRegionOutput({}, child).region,
      account: aws.getCallerIdentityOutput({}, child).accountId,
    };

    const stream = this.createStream(name, args);
    const { stateTable, alertTable } = this.createTables(name, args);
    const topics = this.createTopics(name, args, at);
    const queues = this.createQueues(name, args, topics);
    const fn = this.createAnomalyFunction(name, args, {
      stream,
      stateTable,
      alertTable,
      topics,
      queues,
    });
    const mapping = this.createMapping(name, args, settings, { fn, stream, queues });
    const rule = this.createIngestRule(name, args, settings, { stream, queues, at });
    const devicePolicy = this.createDevicePolicy(name, args, settings, at);
    this.createAlarms(name, args, stream, topics.alarms);

    this.streamArn = stream.arn;
    this.streamName = stream.name;
    this.function = fn;
    this.stateTable = stateTable;
    this.alertTable = alertTable;
    this.alertTopicArn = topics.alerts.arn;
    this.deadLetterTopicArn = topics.deadLetters.arn;
    this.alarmTopicArn = topics.alarms.arn;
    this.failureQueueArn = queues.failures.queueArn;
    this.ingestErrorQueueArn = queues.ingestErrors.queueArn;
    this.deadLetterQueueArn = queues.deadLetters.queueArn;
    this.failureQueueName = queues.failures.queueName;
    this.ingestErrorQueueName = queues.ingestErrors.queueName;
    this.deadLetterQueueName = queues.deadLetters.queueName;
    this.devicePolicyName = devicePolicy.name;
    this.topicRuleName = rule.name;
    this.mappingId = mapping.id;
    this.registerOutputs({
      streamArn: this.streamArn,
      streamName: this.streamName,
      functionArn: fn.functionArn,
      stateTableArn: stateTable.tableArn,
      alertTableArn: alertTable.tableArn,
      alertTopicArn: this.alertTopicArn,
      deadLetterTopicArn: this.deadLetterTopicArn,
      alarmTopicArn: this.alarmTopicArn,
      failureQueueArn: this.failureQueueArn,
      ingestErrorQueueArn: this.ingestErrorQueueArn,
      deadLetterQueueArn: this.deadLetterQueueArn,
      failureQueueName: this.failureQueueName,
      ingestErrorQueueName: this.ingestErrorQueueName,
      deadLetterQueueName: this.deadLetterQueueName,
      devicePolicyName: this.devicePolicyName,
      topicRuleName: this.topicRuleName,
      mappingId: this.mappingId,
    });
  }

  /** The on-demand, KMS-encrypted stream with the retention the stack configures (the raw readings' erasure window). */
  private createStream(name: string, args: VitalsPipelineArgs): aws.kinesis.Stream {
    return new aws.kinesis.Stream(
      `${name}-stream`,
      {
        name: physicalName(args.namePrefix, name, 128),
        streamModeDetails: { streamMode: "ON_DEMAND" },
        retentionPeriod: args.retentionHours,
        encryptionType: "KMS",
        kmsKeyId: args.kmsKeyArn,
        shardLevelMetrics: [
          "IncomingRecords",
          "IteratorAgeMilliseconds",
          "ReadProvisionedThroughputExceeded",
          "WriteProvisionedThroughputExceeded",
        ],
        tags: args.tags,
      },
      { parent: this },
    );
  }

  /** The per-patient state table and the alert ledger: CMK-encrypted, PITR, deletion protection, TTL. */
  private createTables(
    name: string,
    args: VitalsPipelineArgs,
  ): { stateTable: PhiTable; alertTable: PhiTable } {
    const table = (suffix: string, hashKey: string) =>
      new PhiTable(
        `${name}-${suffix}`,
        { namePrefix: args.namePrefix, hashKey, kmsKeyArn: args.kmsKeyArn, tags: args.tags },
        { parent: this },
      );
    return { stateTable: table("state", "patientId"), alertTable: table("alerts", "alertId") };
  }

  /**
   * Three encrypted standard topics, each with a TLS-only policy; only the alarms topic lets CloudWatch alarms of
   * this account publish.
   */
  private createTopics(name: string, args: VitalsPipelineArgs, at: Location): Topics {
    const child = { parent: this };
    const topic = (suffix: string, description: string) =>
      new aws.sns.Topic(
        `${name}-${suffix}`,
        {
          name: physicalName(args.namePrefix, `${name}-${suffix}`, 256),
          displayName: description,
          kmsMasterKeyId: args.kmsKeyArn,
          tags: args.tags,
        },
        child,
      );
    const topics: Topics = {
      alerts: topic("alerts", "MediConnect vitals alerts"),
      deadLetters: topic("dead-letters", "MediConnect vitals dead letters"),
      // CloudWatch alarms publish here: operations, not clinical alerts (and alarms cannot publish to FIFO topics).
      alarms: topic("alarms", "MediConnect vitals pipeline alarms"),
    };
    for (const [suffix, t] of [
      ["alerts", topics.alerts],
      ["dead-letters", topics.deadLetters],
      ["alarms", topics.alarms],
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
                        StringEquals: { "aws:SourceAccount": at.account },
                        ArnLike: {
                          "aws:SourceArn": pulumi.interpolate`arn:aws:cloudwatch:${at.region}:${at.account}:alarm:*`,
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
    return topics;
  }

  /** The dead-letter topic's queue (subscribed, raw delivery), the mapping's on-failure queue and the rule's error queue. */
  private createQueues(name: string, args: VitalsPipelineArgs, topics: Topics): Queues {
    const child = { parent: this };
    const key = args.kmsKeyArn;
    const deadLetters = new EncryptedQueue(
      `${name}-dead-letters`,
      {
        namePrefix: args.namePrefix,
        kmsKeyArn: key,
        senders: [{ service: "sns.amazonaws.com", sourceArn: topics.deadLetters.arn }],
        tags: args.tags,
      },
      child,
    );
    new aws.sns.TopicSubscription(
      `${name}-dead-letters`,
      {
        topic: topics.deadLetters.arn,
        protocol: "sqs",
        endpoint: deadLetters.queueArn,
        rawMessageDelivery: true,
      },
      child,
    );
    const failures = new EncryptedQueue(
      `${name}-failures`,
      { namePrefix: args.namePrefix, kmsKeyArn: key, tags: args.tags },
      child,
    );
    const ingestErrors = new EncryptedQueue(
      `${name}-ingest-errors`,
      { namePrefix: args.namePrefix, kmsKeyArn: key, tags: args.tags },
      child,
    );
    return { deadLetters, failures, ingestErrors };
  }

  /** The anomaly function (functions/vitals-anomaly), allowed exactly what its handler calls. */
  private createAnomalyFunction(
    name: string,
    args: VitalsPipelineArgs,
    parts: {
      stream: aws.kinesis.Stream;
      stateTable: PhiTable;
      alertTable: PhiTable;
      topics: Topics;
      queues: Queues;
    },
  ): NodeFunction {
    const { stream, stateTable, alertTable, topics } = parts;
    return new NodeFunction(
      `${name}-anomaly`,
      {
        entry: "functions/vitals-anomaly/handler.ts",
        namePrefix: args.namePrefix,
        kmsKeyArn: args.kmsKeyArn,
        logRetentionInDays: args.logRetentionInDays,
        codeSigning: args.codeSigning,
        reservedConcurrentExecutions: args.reservedConcurrentExecutions,
        timeout: 60,
        memorySize: 512,
        vpc: args.vpc,
        // Invocations come from the mapping, whose own on-failure destination is this queue; asynchronous
        // invocations (replays by an operator) fail into the same place.
        deadLetterQueueArn: parts.queues.failures.queueArn,
        environment: {
          VITALS_STATE_TABLE: stateTable.tableName,
          VITALS_ALERT_TABLE: alertTable.tableName,
          VITALS_ALERT_TOPIC_ARN: topics.alerts.arn,
          VITALS_DEAD_LETTER_TOPIC_ARN: topics.deadLetters.arn,
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
            Resource: [topics.alerts.arn, topics.deadLetters.arn],
          },
          {
            Sid: "PlatformKey",
            Action: ["kms:Decrypt", "kms:GenerateDataKey"],
            Resource: args.kmsKeyArn,
          },
        ],
        tags: args.tags,
      },
      { parent: this },
    );
  }

  /** The stream-to-function mapping: bisection, finite retries and age, per-record failures, in order per shard. */
  private createMapping(
    name: string,
    args: VitalsPipelineArgs,
    settings: VitalsSettings,
    parts: { fn: NodeFunction; stream: aws.kinesis.Stream; queues: Queues },
  ): aws.lambda.EventSourceMapping {
    return new aws.lambda.EventSourceMapping(
      `${name}-mapping`,
      {
        functionName: parts.fn.functionArn,
        eventSourceArn: parts.stream.arn,
        startingPosition: "TRIM_HORIZON",
        batchSize: args.batchSize ?? 100,
        maximumBatchingWindowInSeconds: 1,
        bisectBatchOnFunctionError: true,
        maximumRetryAttempts: settings.maximumRetryAttempts,
        maximumRecordAgeInSeconds: settings.maximumRecordAgeInSeconds,
        // One concurrent batch per shard: a patient's readings are applied in order.
        parallelizationFactor: 1,
        functionResponseTypes: ["ReportBatchItemFailures"],
        destinationConfig: { onFailure: { destinationArn: parts.queues.failures.queueArn } },
        enabled: true,
        tags: args.tags,
      },
      { parent: this, dependsOn: [parts.fn] },
    );
  }

  /**
   * The IoT topic rule putting each reading on the stream, partitioned by device, with its two roles: one may put
   * records on the stream, the other send the rule's errors to their queue; only this rule may assume them.
   */
  private createIngestRule(
    name: string,
    args: VitalsPipelineArgs,
    settings: VitalsSettings,
    parts: { stream: aws.kinesis.Stream; queues: Queues; at: Location },
  ): aws.iot.TopicRule {
    const child = { parent: this };
    const { stream, at } = parts;
    const key = args.kmsKeyArn;
    const iotAssume = (ruleName: string) =>
      pulumi.jsonStringify({
        Version: "2012-10-17",
        Statement: [
          {
            Effect: "Allow",
            Principal: { Service: "iot.amazonaws.com" },
            Action: "sts:AssumeRole",
            Condition: {
              StringEquals: { "aws:SourceAccount": at.account },
              ArnLike: {
                "aws:SourceArn": pulumi.interpolate`arn:aws:iot:${at.region}:${at.account}:rule/${ruleName}`,
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
              Resource: parts.queues.ingestErrors.queueArn,
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
    return new aws.iot.TopicRule(
      `${name}-ingest`,
      {
        name: ruleName,
        description: "Device vitals into the encrypted Kinesis stream, partitioned by device",
        enabled: true,
        sql: `SELECT * FROM '${settings.topicPrefix}/+'`,
        sqlVersion: "2016-03-23",
        kineses: [{ streamName: stream.name, roleArn: putRole.arn, partitionKey: "${topic(3)}" }],
        errorAction: {
          sqs: {
            queueUrl: parts.queues.ingestErrors.queueUrl,
            roleArn: errorRole.arn,
            useBase64: true,
          },
        },
        tags: args.tags,
      },
      child,
    );
  }

  /** The device policy: a device connects as its own attached thing and publishes to its own topic only. */
  private createDevicePolicy(
    name: string,
    args: VitalsPipelineArgs,
    settings: VitalsSettings,
    at: Location,
  ): aws.iot.Policy {
    const thing = "${iot:Connection.Thing.ThingName}";
    return new aws.iot.Policy(
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
              Resource: pulumi.interpolate`arn:aws:iot:${at.region}:${at.account}:client/${thing}`,
              Condition: { Bool: { "iot:Connection.Thing.IsAttached": "true" } },
            },
            {
              Sid: "PublishOwnVitals",
              Effect: "Allow",
              Action: "iot:Publish",
              Resource: pulumi.interpolate`arn:aws:iot:${at.region}:${at.account}:topic/${settings.topicPrefix}/${thing}`,
              Condition: { Bool: { "iot:Connection.Thing.IsAttached": "true" } },
            },
          ],
        }),
        tags: args.tags,
      },
      { parent: this },
    );
  }

  /** Alarms to the operations topic: readers at half the retention behind, and throttled reads or writes. */
  private createAlarms(
    name: string,
    args: VitalsPipelineArgs,
    stream: aws.kinesis.Stream,
    alarmTopic: aws.sns.Topic,
  ): void {
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
        { parent: this },
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
  }
}
