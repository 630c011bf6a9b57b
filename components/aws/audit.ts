import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { physicalName } from "../shared/naming";
import { privateBucket } from "./private-bucket";
import { wholeNumber } from "../shared/validate";
import { sixYearsInDays } from "../../policies/catalog/retention";

export interface AuditArgs {
  /** Prefix of physical names (`<namePrefix>-<name>`). */
  readonly namePrefix: string;
  /** The platform CMK: trail files, bucket default encryption and the trail's log group. */
  readonly kmsKeyArn: pulumi.Input<string>;
  /** Retention of the trail's CloudWatch log group (from the stack configuration, at least six years for PHI). */
  readonly logRetentionInDays: number;
  /**
   * Days trail files are locked (object lock, COMPLIANCE mode) and kept before they expire.
   * @default six years (`sixYearsInDays`)
   */
  readonly retentionDays?: number;
  /**
   * Lambda functions whose invocations are recorded as data events.
   * @default none
   */
  readonly functionArns?: readonly pulumi.Input<string>[];
  /**
   * DynamoDB tables holding PHI whose item-level API calls are recorded as data events.
   * @default none
   */
  readonly tableArns?: readonly pulumi.Input<string>[];
  /**
   * S3 object data events are recorded for every bucket of the account (PHI buckets included, present and
   * future) except the trail's own bucket, whose writes would log themselves.
   * @default true
   */
  readonly s3DataEvents?: boolean;
  /** Extra tags. @default none */
  readonly tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

/**
 * Audit controls: a multi-region CloudTrail trail with log file validation, KMS encryption, delivery to an encrypted
 * CloudWatch log group and data events for PHI stores and functions; its bucket (@pulumi/aws v7 resources) blocks
 * public access, encrypts with the CMK, is versioned, TLS-only, object-locked in COMPLIANCE mode for six years and
 * expires files only after that.
 */
export class Audit extends pulumi.ComponentResource {
  /**
   * The trail's physical name for a component named `name`: what the trail is created with, and what a key policy
   * written before the trail exists grants CloudTrail on (the stack's PHI key does).
   */
  public static trailName(namePrefix: string, name: string): string {
    return physicalName(namePrefix, name, 128);
  }

  public readonly trailName: string;
  public readonly bucketName: pulumi.Output<string>;
  public readonly bucketArn: pulumi.Output<string>;
  public readonly trailArn: pulumi.Output<string>;
  public readonly logGroupArn: pulumi.Output<string>;

  constructor(name: string, args: AuditArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super("mediconnect:aws:Audit", name, {}, opts);
    const retentionDays = wholeNumber(
      `Audit ${name}`,
      "retentionDays",
      args.retentionDays ?? sixYearsInDays,
      { value: sixYearsInDays, meaning: "six years, 45 CFR 164.316(b)(2)" },
    );
    const child = { parent: this };
    const region = aws.getRegionOutput({}, child).region;
    const account = aws.getCallerIdentityOutput({}, child).accountId;
    const trailName = Audit.trailName(args.namePrefix, name);
    const trailArn = pulumi.interpolate`arn:aws:cloudtrail:${region}:${account}:trail/${trailName}`;

    const { bucket, encryption, versioning, policy } = privateBucket(
      name,
      {
        // Bucket names are global: the account id keeps two accounts of the same stack apart.
        bucket: pulumi.interpolate`${physicalName(args.namePrefix, `${name}-trail`, 50)}-${account}`,
        kmsKeyArn: args.kmsKeyArn,
        objectLockEnabled: true,
        lifecycleRules: [
          {
            id: "keep-six-years-then-expire",
            status: "Enabled",
            filter: {},
            expiration: { days: retentionDays },
            noncurrentVersionExpiration: { noncurrentDays: 30 },
            abortIncompleteMultipartUpload: { daysAfterInitiation: 7 },
          },
        ],
        policyStatements: (bucketArn) => [
          {
            Sid: "CloudTrailAclCheck",
            Effect: "Allow",
            Principal: { Service: "cloudtrail.amazonaws.com" },
            Action: "s3:GetBucketAcl",
            Resource: bucketArn,
            Condition: { StringEquals: { "aws:SourceArn": trailArn } },
          },
          {
            Sid: "CloudTrailWrite",
            Effect: "Allow",
            Principal: { Service: "cloudtrail.amazonaws.com" },
            Action: "s3:PutObject",
            Resource: pulumi.interpolate`${bucketArn}/AWSLogs/${account}/*`,
            Condition: {
              StringEquals: {
                "s3:x-amz-acl": "bucket-owner-full-control",
                "aws:SourceArn": trailArn,
              },
            },
          },
        ],
        tags: args.tags,
      },
      this,
    );
    new aws.s3.BucketObjectLockConfiguration(
      `${name}-bucket`,
      {
        bucket: bucket.id,
        objectLockEnabled: "Enabled",
        rule: { defaultRetention: { mode: "COMPLIANCE", days: retentionDays } },
      },
      { parent: this, dependsOn: [versioning] },
    );

    const logGroup = new aws.cloudwatch.LogGroup(
      `${name}-logs`,
      {
        name: `/aws/cloudtrail/${trailName}`,
        kmsKeyId: args.kmsKeyArn,
        retentionInDays: args.logRetentionInDays,
        tags: args.tags,
      },
      child,
    );
    const role = new aws.iam.Role(
      `${name}-logs`,
      {
        name: physicalName(args.namePrefix, `${name}-trail-logs`, 64),
        assumeRolePolicy: pulumi.jsonStringify({
          Version: "2012-10-17",
          Statement: [
            {
              Effect: "Allow",
              Principal: { Service: "cloudtrail.amazonaws.com" },
              Action: "sts:AssumeRole",
              Condition: { StringEquals: { "aws:SourceArn": trailArn } },
            },
          ],
        }),
        tags: args.tags,
      },
      child,
    );
    const rolePolicy = new aws.iam.RolePolicy(
      `${name}-logs`,
      {
        role: role.name,
        policy: pulumi.jsonStringify({
          Version: "2012-10-17",
          Statement: [
            {
              Sid: "DeliverToLogGroup",
              Effect: "Allow",
              Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
              Resource: pulumi.interpolate`${logGroup.arn}:log-stream:*`,
            },
          ],
        }),
      },
      child,
    );

    const selectors: pulumi.Input<aws.types.input.cloudtrail.TrailAdvancedEventSelector>[] = [
      {
        name: "Management events",
        fieldSelectors: [{ field: "eventCategory", equals: ["Management"] }],
      },
    ];
    if (args.s3DataEvents ?? true) {
      selectors.push({
        name: "S3 object events of every bucket but the trail's own",
        fieldSelectors: [
          { field: "eventCategory", equals: ["Data"] },
          { field: "resources.type", equals: ["AWS::S3::Object"] },
          { field: "resources.ARN", notStartsWiths: [pulumi.interpolate`${bucket.arn}/`] },
        ],
      });
    }
    if (args.functionArns && args.functionArns.length > 0) {
      selectors.push({
        name: "Lambda invocations of PHI functions",
        fieldSelectors: [
          { field: "eventCategory", equals: ["Data"] },
          { field: "resources.type", equals: ["AWS::Lambda::Function"] },
          { field: "resources.ARN", equals: [...args.functionArns] },
        ],
      });
    }
    if (args.tableArns && args.tableArns.length > 0) {
      selectors.push({
        name: "DynamoDB item events of PHI tables",
        fieldSelectors: [
          { field: "eventCategory", equals: ["Data"] },
          { field: "resources.type", equals: ["AWS::DynamoDB::Table"] },
          { field: "resources.ARN", equals: [...args.tableArns] },
        ],
      });
    }

    const trail = new aws.cloudtrail.Trail(
      `${name}-trail`,
      {
        name: trailName,
        s3BucketName: bucket.id,
        isMultiRegionTrail: true,
        includeGlobalServiceEvents: true,
        enableLogFileValidation: true,
        enableLogging: true,
        kmsKeyId: args.kmsKeyArn,
        cloudWatchLogsGroupArn: pulumi.interpolate`${logGroup.arn}:*`,
        cloudWatchLogsRoleArn: role.arn,
        advancedEventSelectors: selectors,
        tags: args.tags,
      },
      { parent: this, dependsOn: [policy, encryption, rolePolicy] },
    );

    this.trailName = trailName;
    this.bucketName = bucket.id;
    this.bucketArn = bucket.arn;
    this.trailArn = trail.arn;
    this.logGroupArn = logGroup.arn;
    this.registerOutputs({
      trailName: this.trailName,
      bucketName: this.bucketName,
      bucketArn: this.bucketArn,
      trailArn: this.trailArn,
      logGroupArn: this.logGroupArn,
    });
  }
}
