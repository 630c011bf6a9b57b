import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { physicalName } from "../shared/naming";
import { EncryptedQueue } from "./encrypted-queue";
import type { FunctionCodeSigning } from "./code-signing";
import { NodeFunction } from "./node-function";
import { PhiTable } from "./phi-table";

/**
 * The Chime SDK Meetings actions the meeting function calls (functions/video-meeting/meeting.ts: one per SDK
 * command it sends), granted on meeting ARNs only; a test compares this list with the commands the handler imports.
 */
export const chimeMeetingActions = [
  "chime:CreateMeetingWithAttendees",
  "chime:GetMeeting",
  "chime:CreateAttendee",
] as const;

export interface VideoMeetingsArgs {
  /** Prefix of physical names (`<namePrefix>-<name>`). */
  readonly namePrefix: string;
  /** The platform CMK: tables, events queue, logs and the function's environment. */
  readonly kmsKeyArn: pulumi.Input<string>;
  /** Retention of every log group (from the stack configuration). */
  readonly logRetentionInDays: number;
  /** The stack's code signing: the function's package is signed and deployed under its configuration. */
  readonly codeSigning: FunctionCodeSigning;
  /** Region of the Chime SDK Meetings API and of its meeting events. */
  readonly controlRegion: string;
  /** Media regions a meeting may use, default first; passed to the function as MEDIA_REGIONS. */
  readonly mediaRegions: readonly string[];
  /** The appointments table the function authorizes against (read only). */
  readonly appointmentsTable: {
    readonly tableName: pulumi.Input<string>;
    readonly tableArn: pulumi.Input<string>;
  };
  /**
   * Secrets the function reads, name to Secrets Manager secret ARN. The handler needs `PHI_PSEUDONYM_KEY`.
   * @default none
   */
  readonly secrets?: Record<string, pulumi.Input<string>>;
  /** Lambda reserved concurrency. @default 10 */
  readonly reservedConcurrentExecutions?: number;
  /** Private subnets and security groups for the function. @default not attached to a VPC */
  readonly vpc?: {
    readonly subnetIds: pulumi.Input<pulumi.Input<string>[]>;
    readonly securityGroupIds: pulumi.Input<pulumi.Input<string>[]>;
  };
  /** Extra tags. @default none */
  readonly tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

/**
 * What the video meeting function (functions/video-meeting) needs: the function itself with Chime SDK permissions
 * scoped to meeting ARNs in the control region, an encrypted meetings table with TTL and PITR, and the Chime
 * meeting events delivered by EventBridge to a KMS-encrypted queue. Media regions come from the stack
 * configuration, already checked against the residency zone.
 */
export class VideoMeetings extends pulumi.ComponentResource {
  public readonly function: NodeFunction;
  public readonly meetingsTable: PhiTable;
  public readonly eventsQueueArn: pulumi.Output<string>;
  public readonly deadLetterQueueArn: pulumi.Output<string>;
  public readonly deadLetterQueueName: pulumi.Output<string>;
  public readonly eventRuleArn: pulumi.Output<string>;

  constructor(name: string, args: VideoMeetingsArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super("mediconnect:aws:VideoMeetings", name, {}, opts);
    if (!/^[a-z]{2}(-[a-z]+)+-\d$/.test(args.controlRegion)) {
      throw new Error(
        `VideoMeetings ${name}: [controlRegion] must be an AWS region, received ${JSON.stringify(args.controlRegion)}`,
      );
    }
    if (
      args.mediaRegions.length === 0 ||
      args.mediaRegions.some((r) => !/^[a-z]{2}(-[a-z]+)+-\d$/.test(r))
    ) {
      throw new Error(
        `VideoMeetings ${name}: [mediaRegions] must be a non-empty list of AWS regions, received ${JSON.stringify(args.mediaRegions)}`,
      );
    }
    const key = args.kmsKeyArn;
    const child = { parent: this };
    const region = aws.getRegionOutput({}, child).region;
    const account = aws.getCallerIdentityOutput({}, child).accountId;
    region.apply((r) => {
      if (r !== args.controlRegion) {
        pulumi.log.warn(
          `VideoMeetings ${name}: Chime meeting events are emitted in the control region ${args.controlRegion}, ` +
            `but the event rule lives in ${r}; meeting events will not reach it.`,
          this,
        );
      }
    });

    const meetings = new PhiTable(
      `${name}-meetings`,
      { namePrefix: args.namePrefix, hashKey: "appointmentId", kmsKeyArn: key, tags: args.tags },
      child,
    );

    // API Gateway invokes synchronously; the queue catches asynchronous invocations (replays, tests) that fail.
    const deadLetters = new EncryptedQueue(
      `${name}-dead-letters`,
      { namePrefix: args.namePrefix, kmsKeyArn: key, tags: args.tags },
      child,
    );
    const fn = new NodeFunction(
      `${name}-meeting`,
      {
        entry: "functions/video-meeting/handler.ts",
        namePrefix: args.namePrefix,
        kmsKeyArn: key,
        logRetentionInDays: args.logRetentionInDays,
        codeSigning: args.codeSigning,
        reservedConcurrentExecutions: args.reservedConcurrentExecutions,
        timeout: 15,
        vpc: args.vpc,
        deadLetterQueueArn: deadLetters.queueArn,
        environment: {
          APPOINTMENTS_TABLE: args.appointmentsTable.tableName,
          MEETINGS_TABLE: meetings.tableName,
          MEDIA_REGIONS: args.mediaRegions.join(","),
          CHIME_CONTROL_REGION: args.controlRegion,
        },
        secrets: args.secrets,
        policyStatements: [
          {
            Sid: "ChimeMeetings",
            Action: [...chimeMeetingActions],
            Resource: pulumi.interpolate`arn:aws:chime:${args.controlRegion}:${account}:meeting/*`,
          },
          {
            Sid: "ReadAppointments",
            Action: "dynamodb:GetItem",
            Resource: args.appointmentsTable.tableArn,
          },
          {
            Sid: "Meetings",
            Action: ["dynamodb:GetItem", "dynamodb:PutItem"],
            Resource: meetings.tableArn,
          },
          { Sid: "TableKey", Action: ["kms:Decrypt", "kms:GenerateDataKey"], Resource: key },
        ],
        tags: args.tags,
      },
      child,
    );

    const ruleName = physicalName(args.namePrefix, `${name}-chime-events`, 64);
    const ruleArn = pulumi.interpolate`arn:aws:events:${region}:${account}:rule/${ruleName}`;
    const events = new EncryptedQueue(
      `${name}-events`,
      {
        namePrefix: args.namePrefix,
        kmsKeyArn: key,
        senders: [{ service: "events.amazonaws.com", sourceArn: ruleArn }],
        tags: args.tags,
      },
      child,
    );
    const rule = new aws.cloudwatch.EventRule(
      `${name}-chime-events`,
      {
        name: ruleName,
        description: "Chime SDK meeting events (ids are opaque keyed hashes: no PHI)",
        eventPattern: JSON.stringify({ source: ["aws.chime"] }),
        state: "ENABLED",
        tags: args.tags,
      },
      child,
    );
    new aws.cloudwatch.EventTarget(
      `${name}-chime-events`,
      {
        rule: rule.name,
        arn: events.queueArn,
        retryPolicy: { maximumEventAgeInSeconds: 86400, maximumRetryAttempts: 185 },
      },
      child,
    );

    this.function = fn;
    this.meetingsTable = meetings;
    this.eventsQueueArn = events.queueArn;
    this.deadLetterQueueArn = deadLetters.queueArn;
    this.deadLetterQueueName = deadLetters.queueName;
    this.eventRuleArn = rule.arn;
    this.registerOutputs({
      functionArn: this.function.functionArn,
      meetingsTableArn: this.meetingsTable.tableArn,
      eventsQueueArn: this.eventsQueueArn,
      deadLetterQueueArn: this.deadLetterQueueArn,
      deadLetterQueueName: this.deadLetterQueueName,
      eventRuleArn: this.eventRuleArn,
    });
  }
}
