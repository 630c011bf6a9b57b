import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { physicalName } from "../shared/naming";
import { denyInsecureTransport } from "./statements";

/** A service allowed to send to the queue on behalf of one source resource. */
export interface QueueSender {
  /** Service principal, for example `sns.amazonaws.com` or `events.amazonaws.com`. */
  readonly service: string;
  /** The resource that sends (topic, rule): `aws:SourceArn` must equal it. */
  readonly sourceArn: pulumi.Input<string>;
}

export interface EncryptedQueueArgs {
  /** Prefix of the queue name (`<namePrefix>-<name>`). */
  readonly namePrefix: string;
  /** The customer-managed key for server-side encryption. */
  readonly kmsKeyArn: pulumi.Input<string>;
  /**
   * Seconds a message is kept (60 to 1209600).
   * @default 1209600 (14 days, the longest), so failures can be inspected and replayed
   */
  readonly messageRetentionSeconds?: number;
  /**
   * Services that deliver into the queue (SNS subscriptions, EventBridge rules), each limited to its source ARN.
   * @default none: only IAM principals of the account
   */
  readonly senders?: readonly QueueSender[];
  /** Extra tags. @default none */
  readonly tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

/**
 * An SQS queue for failed or dead-lettered PHI: KMS-encrypted with the platform CMK, long retention, and a queue
 * policy that denies non-TLS access and admits only the named service senders.
 */
export class EncryptedQueue extends pulumi.ComponentResource {
  public readonly queueArn: pulumi.Output<string>;
  public readonly queueUrl: pulumi.Output<string>;
  public readonly queueName: pulumi.Output<string>;

  constructor(name: string, args: EncryptedQueueArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super("mediconnect:aws:EncryptedQueue", name, {}, opts);
    const retention = args.messageRetentionSeconds ?? 1209600;
    if (!Number.isInteger(retention) || retention < 60 || retention > 1209600) {
      throw new Error(
        `EncryptedQueue ${name}: [messageRetentionSeconds] must be 60 to 1209600, received ${retention}`,
      );
    }
    const queue = new aws.sqs.Queue(
      `${name}-queue`,
      {
        name: physicalName(args.namePrefix, name, 80),
        kmsMasterKeyId: args.kmsKeyArn,
        kmsDataKeyReusePeriodSeconds: 300,
        sqsManagedSseEnabled: false,
        messageRetentionSeconds: retention,
        tags: args.tags,
      },
      { parent: this },
    );
    const senders = args.senders ?? [];
    new aws.sqs.QueuePolicy(
      `${name}-policy`,
      {
        queueUrl: queue.url,
        policy: pulumi.jsonStringify({
          Version: "2012-10-17",
          Statement: [
            denyInsecureTransport("sqs:*", queue.arn),
            ...senders.map((s, i) => ({
              Sid: `AllowSender${i}`,
              Effect: "Allow",
              Principal: { Service: s.service },
              Action: "sqs:SendMessage",
              Resource: queue.arn,
              Condition: { ArnEquals: { "aws:SourceArn": s.sourceArn } },
            })),
          ],
        }),
      },
      { parent: this },
    );
    this.queueArn = queue.arn;
    this.queueUrl = queue.url;
    this.queueName = queue.name;
    this.registerOutputs({
      queueArn: this.queueArn,
      queueUrl: this.queueUrl,
      queueName: this.queueName,
    });
  }
}
