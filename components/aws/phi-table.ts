import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { physicalName } from "../shared/naming";
import { wholeNumber } from "../shared/validate";

export interface PhiTableArgs {
  /** Prefix of the table name (`<namePrefix>-<name>`). */
  readonly namePrefix: string;
  /** Partition key attribute (type S). */
  readonly hashKey: string;
  /** The customer-managed key that encrypts the table. */
  readonly kmsKeyArn: pulumi.Input<string>;
  /**
   * Attribute holding the expiry time (epoch seconds): DynamoDB deletes expired items, which bounds how long
   * transient PHI lives.
   * @default "expiresAt"; set `null` for a table whose items must not expire
   */
  readonly ttlAttribute?: string | null;
  /**
   * Days of point-in-time recovery (1 to 35). A restore brings erased items back, so this is also the erasure
   * window of the table.
   * @default 28: four weeks of recovery, and an erasure completes within the month GDPR Art. 12(3) allows
   */
  readonly pointInTimeRecoveryDays?: number;
  /** Extra tags. @default none */
  readonly tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

/**
 * A DynamoDB table for PHI: on-demand, encrypted with the platform CMK, point-in-time recovery, deletion protection
 * and TTL.
 */
export class PhiTable extends pulumi.ComponentResource {
  public readonly tableName: pulumi.Output<string>;
  public readonly tableArn: pulumi.Output<string>;

  constructor(name: string, args: PhiTableArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super("mediconnect:aws:PhiTable", name, {}, opts);
    const recoveryDays = wholeNumber(
      `PhiTable ${name}`,
      "pointInTimeRecoveryDays",
      args.pointInTimeRecoveryDays ?? 28,
      1,
      35,
    );
    const ttlAttribute = args.ttlAttribute === undefined ? "expiresAt" : args.ttlAttribute;
    const table = new aws.dynamodb.Table(
      `${name}-table`,
      {
        name: physicalName(args.namePrefix, name, 255),
        billingMode: "PAY_PER_REQUEST",
        hashKey: args.hashKey,
        attributes: [{ name: args.hashKey, type: "S" }],
        serverSideEncryption: { enabled: true, kmsKeyArn: args.kmsKeyArn },
        pointInTimeRecovery: { enabled: true, recoveryPeriodInDays: recoveryDays },
        deletionProtectionEnabled: true,
        ttl: ttlAttribute === null ? undefined : { attributeName: ttlAttribute, enabled: true },
        tags: args.tags,
      },
      { parent: this },
    );
    this.tableName = table.name;
    this.tableArn = table.arn;
    this.registerOutputs({ tableName: this.tableName, tableArn: this.tableArn });
  }
}
