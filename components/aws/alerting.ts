import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { physicalName } from "../shared/naming";
import { denyInsecureTransport } from "./statements";

/** Who receives clinical alerts: the clinicians on duty and the clinical app. */
export interface ClinicianSubscribers {
  /** E-mail addresses (each recipient confirms the subscription once). @default none */
  readonly emails?: readonly string[];
  /** Phone numbers in E.164 form (+<country><number>). @default none */
  readonly sms?: readonly string[];
  /** The clinical app's https endpoint receiving the JSON alert (it confirms the subscription). */
  readonly endpoint: string;
}

/** Who receives operational alarms. */
export interface OperationsSubscribers {
  /** E-mail addresses of the on-call team (at least one). */
  readonly emails: readonly string[];
  /** An https endpoint of the paging tool. @default none */
  readonly endpoint?: string;
}

export interface WatchedFunction {
  /** Short name used in alarm names (`<name>-errors`). */
  readonly name: string;
  readonly functionName: pulumi.Input<string>;
}

export interface WatchedQueue {
  readonly name: string;
  readonly queueName: pulumi.Input<string>;
}

export interface WatchedStream {
  readonly name: string;
  readonly streamName: pulumi.Input<string>;
  /**
   * Oldest unread record age that alarms, in ms: past it, clinical alerts are late.
   * @default 300000 (five minutes)
   */
  readonly maxIteratorAgeMs?: number;
}

export interface WatchedApi {
  readonly name: string;
  readonly apiId: pulumi.Input<string>;
  /** @default "$default" */
  readonly stage?: string;
  /** 5xx responses as a percentage of requests over five minutes that alarm. @default 5 */
  readonly max5xxPercent?: number;
}

export interface AlertingArgs {
  /** Prefix of physical names (`<namePrefix>-<name>`). */
  readonly namePrefix: string;
  /** The platform CMK: the operations topic is encrypted with it (CloudWatch must be allowed to use it). */
  readonly kmsKeyArn: pulumi.Input<string>;
  /** The topic clinical alerts are published to (the vitals pipeline's alert topic). */
  readonly clinicianTopicArn: pulumi.Input<string>;
  readonly clinicians: ClinicianSubscribers;
  readonly operations: OperationsSubscribers;
  /** Every function: alarms on its errors and throttles. */
  readonly functions: readonly WatchedFunction[];
  /** Every dead-letter and on-failure queue: alarms as soon as one message waits. @default none */
  readonly deadLetterQueues?: readonly WatchedQueue[];
  /** Streams whose consumers deliver clinical alerts: alarms on iterator age. @default none */
  readonly streams?: readonly WatchedStream[];
  /** HTTP APIs: alarms on the 5xx rate. @default none */
  readonly apis?: readonly WatchedApi[];
  /**
   * Topics other components' alarms already publish to; the operations subscribers are subscribed to them too, so
   * no alarm of the stack reaches nobody.
   * @default none
   */
  readonly otherAlarmTopicArns?: readonly pulumi.Input<string>[];
  /** Extra tags. @default none */
  readonly tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[A-Za-z]{2,}$/;
const E164 = /^\+[1-9]\d{6,14}$/;
const HTTPS = /^https:\/\/[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:\d{1,5})?(\/[^\s]*)?$/i;
const SHORT_NAME = /^[a-z0-9][a-z0-9-]{0,40}$/;

/**
 * Alerts that reach people. Clinicians on duty are subscribed to the clinical alert topic (e-mail or SMS, and the
 * clinical app's https endpoint); the messages published there carry a pseudonymous patient id and a link, never
 * PHI (functions/vitals-anomaly/notice.ts). An encrypted operations topic, writable by CloudWatch alarms of this
 * account only, receives alarms on every function's errors and throttles, every dead-letter queue's depth, the
 * streams' iterator age and the APIs' 5xx rate; the on-call team is subscribed to it.
 */
export class Alerting extends pulumi.ComponentResource {
  public readonly operationsTopicArn: pulumi.Output<string>;
  /** Alarm names, in creation order. */
  public readonly alarmNames: pulumi.Output<string>[];
  /** Subscription count per protocol on the clinician topic. */
  public readonly clinicianSubscriptions: Readonly<Record<string, number>>;

  constructor(name: string, args: AlertingArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super("mediconnect:aws:Alerting", name, {}, opts);
    validate(name, args);
    const child = { parent: this };
    const region = aws.getRegionOutput({}, child).region;
    const account = aws.getCallerIdentityOutput({}, child).accountId;

    const clinicianSubs = this.subscribe(`${name}-clinicians`, args.clinicianTopicArn, [
      ...(args.clinicians.emails ?? []).map((e) => ["email", e] as const),
      ...(args.clinicians.sms ?? []).map((n) => ["sms", n] as const),
      ["https", args.clinicians.endpoint] as const,
    ]);

    const topic = new aws.sns.Topic(
      `${name}-operations`,
      {
        name: physicalName(args.namePrefix, `${name}-operations`, 256),
        displayName: "MediConnect operations alarms",
        kmsMasterKeyId: args.kmsKeyArn,
        tags: args.tags,
      },
      child,
    );
    new aws.sns.TopicPolicy(
      `${name}-operations`,
      {
        arn: topic.arn,
        policy: pulumi.jsonStringify({
          Version: "2012-10-17",
          Statement: [
            denyInsecureTransport("sns:Publish", topic.arn),
            {
              Sid: "CloudWatchAlarmsOfThisAccount",
              Effect: "Allow",
              Principal: { Service: "cloudwatch.amazonaws.com" },
              Action: "sns:Publish",
              Resource: topic.arn,
              Condition: {
                StringEquals: { "aws:SourceAccount": account },
                ArnLike: {
                  "aws:SourceArn": pulumi.interpolate`arn:aws:cloudwatch:${region}:${account}:alarm:*`,
                },
              },
            },
          ],
        }),
      },
      child,
    );
    const operations = [
      ...args.operations.emails.map((e) => ["email", e] as const),
      ...(args.operations.endpoint ? [["https", args.operations.endpoint] as const] : []),
    ];
    this.subscribe(`${name}-operations`, topic.arn, operations);
    (args.otherAlarmTopicArns ?? []).forEach((arn, i) =>
      this.subscribe(`${name}-other-alarms-${i + 1}`, arn, operations),
    );

    const alarms: pulumi.Output<string>[] = [];
    const alarm = (
      suffix: string,
      description: string,
      spec: Omit<
        aws.cloudwatch.MetricAlarmArgs,
        "name" | "alarmDescription" | "alarmActions" | "okActions" | "tags"
      >,
    ) => {
      const a = new aws.cloudwatch.MetricAlarm(
        `${name}-${suffix}`,
        {
          name: physicalName(args.namePrefix, `${name}-${suffix}`, 255),
          alarmDescription: description,
          treatMissingData: "notBreaching",
          alarmActions: [topic.arn],
          okActions: [topic.arn],
          tags: args.tags,
          ...spec,
        },
        child,
      );
      alarms.push(a.name);
    };
    const over5Minutes = { period: 300, evaluationPeriods: 1 };

    for (const fn of args.functions) {
      for (const [metric, what] of [
        ["Errors", "failed invocations"],
        ["Throttles", "throttled invocations"],
      ] as const) {
        alarm(
          `${fn.name}-${metric.toLowerCase()}`,
          `${fn.name}: ${what} in the last 5 minutes (runbook: README, On-call runbook)`,
          {
            namespace: "AWS/Lambda",
            metricName: metric,
            dimensions: { FunctionName: fn.functionName },
            statistic: "Sum",
            comparisonOperator: "GreaterThanThreshold",
            threshold: 0,
            ...over5Minutes,
          },
        );
      }
    }
    for (const q of args.deadLetterQueues ?? []) {
      alarm(
        `${q.name}-depth`,
        `${q.name}: messages are waiting in a dead-letter queue (runbook: README, On-call runbook)`,
        {
          namespace: "AWS/SQS",
          metricName: "ApproximateNumberOfMessagesVisible",
          dimensions: { QueueName: q.queueName },
          statistic: "Maximum",
          comparisonOperator: "GreaterThanThreshold",
          threshold: 0,
          ...over5Minutes,
        },
      );
    }
    for (const s of args.streams ?? []) {
      const maxAge = s.maxIteratorAgeMs ?? 300_000;
      alarm(
        `${s.name}-iterator-age`,
        `${s.name}: the oldest unread record is over ${maxAge / 1000} s old, clinical alerts are late (runbook: README, On-call runbook)`,
        {
          namespace: "AWS/Kinesis",
          metricName: "GetRecords.IteratorAgeMilliseconds",
          dimensions: { StreamName: s.streamName },
          statistic: "Maximum",
          comparisonOperator: "GreaterThanOrEqualToThreshold",
          threshold: maxAge,
          period: 60,
          evaluationPeriods: 3,
          datapointsToAlarm: 3,
        },
      );
    }
    for (const api of args.apis ?? []) {
      const percent = api.max5xxPercent ?? 5;
      const dimensions = { ApiId: api.apiId, Stage: api.stage ?? "$default" };
      const metric = (metricName: string) => ({
        namespace: "AWS/ApiGateway",
        metricName,
        dimensions,
        period: 300,
        stat: "Sum",
      });
      alarm(
        `${api.name}-5xx-rate`,
        `${api.name}: more than ${percent} % of requests answered 5xx in 5 minutes (runbook: README, On-call runbook)`,
        {
          comparisonOperator: "GreaterThanThreshold",
          threshold: percent,
          evaluationPeriods: 1,
          metricQueries: [
            { id: "errors", metric: metric("5xx"), returnData: false },
            { id: "requests", metric: metric("Count"), returnData: false },
            {
              id: "rate",
              expression: "IF(requests > 0, 100 * errors / requests, 0)",
              label: "5xx rate (%)",
              returnData: true,
            },
          ],
        },
      );
    }

    this.operationsTopicArn = topic.arn;
    this.alarmNames = alarms;
    this.clinicianSubscriptions = clinicianSubs;
    this.registerOutputs({
      operationsTopicArn: this.operationsTopicArn,
      alarmNames: this.alarmNames,
      clinicianSubscriptions: this.clinicianSubscriptions,
    });
  }

  /** One subscription per endpoint; returns the count per protocol. */
  private subscribe(
    prefix: string,
    topicArn: pulumi.Input<string>,
    endpoints: ReadonlyArray<readonly ["email" | "sms" | "https", string]>,
  ): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const [protocol, endpoint] of endpoints) {
      counts[protocol] = (counts[protocol] ?? 0) + 1;
      new aws.sns.TopicSubscription(
        `${prefix}-${protocol}-${counts[protocol]}`,
        {
          topic: topicArn,
          protocol,
          endpoint,
          // The endpoint confirms by fetching the SubscribeURL of SNS's first message; the deployment does not wait.
          ...(protocol === "https" ? { endpointAutoConfirms: false } : {}),
        },
        { parent: this },
      );
    }
    return counts;
  }
}

function validate(name: string, args: AlertingArgs): void {
  const where = `Alerting ${name}`;
  const list = (field: string, values: readonly string[], pattern: RegExp, expected: string) =>
    values.forEach((v, i) => {
      if (!pattern.test(v)) {
        throw new Error(`${where}: [${field}[${i}]] ${JSON.stringify(v)} is not ${expected}`);
      }
    });
  list("clinicians.emails", args.clinicians.emails ?? [], EMAIL, "an e-mail address");
  list(
    "clinicians.sms",
    args.clinicians.sms ?? [],
    E164,
    "a phone number in E.164 form (+4915112345678)",
  );
  list("operations.emails", args.operations.emails, EMAIL, "an e-mail address");
  if ((args.clinicians.emails ?? []).length + (args.clinicians.sms ?? []).length === 0) {
    throw new Error(
      `${where}: [clinicians] has no e-mail address and no phone number; expected at least one, or clinical alerts reach only the app`,
    );
  }
  if (args.operations.emails.length === 0) {
    throw new Error(
      `${where}: [operations.emails] is empty; expected at least one on-call address, or alarms reach nobody`,
    );
  }
  for (const [field, url] of [
    ["clinicians.endpoint", args.clinicians.endpoint],
    ["operations.endpoint", args.operations.endpoint],
  ] as const) {
    if (url !== undefined && !HTTPS.test(url)) {
      throw new Error(
        `${where}: [${field}] ${JSON.stringify(url)} is not an https URL; expected https://host/path (plain http would carry alerts in clear text)`,
      );
    }
  }
  const names = [
    ...args.functions.map((f) => f.name),
    ...(args.deadLetterQueues ?? []).map((q) => q.name),
    ...(args.streams ?? []).map((s) => s.name),
    ...(args.apis ?? []).map((a) => a.name),
  ];
  for (const n of names) {
    if (!SHORT_NAME.test(n)) {
      throw new Error(
        `${where}: watched name ${JSON.stringify(n)} must be 1-41 lowercase letters, digits or hyphens`,
      );
    }
  }
  const seen = new Set<string>();
  for (const n of names) {
    if (seen.has(n)) {
      throw new Error(
        `${where}: watched name ${JSON.stringify(n)} is used twice; expected distinct names`,
      );
    }
    seen.add(n);
  }
  if (args.functions.length === 0) {
    throw new Error(`${where}: [functions] is empty; expected every function of the stack`);
  }
}
