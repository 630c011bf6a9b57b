import { stackAwsAuditEnableCloudtrailDataEvents as policy } from "../../../policies/stack";
import { checkStack, unknown } from "../harness";
import { awsProvider, controls, lambdaFunction, phiLabels, resource, s3Bucket } from "./fixtures";

const c = controls.trail;
const bucket = s3Bucket("mc-eu-records");
const fn = lambdaFunction("vitals-anomaly");
const hardened = {
  isMultiRegionTrail: true,
  enableLogFileValidation: true,
  includeGlobalServiceEvents: true,
  kmsKeyId: "arn:aws:kms:eu-central-1:210987654321:key/1234abcd-12ab-34cd-56ef-1234567890ab",
  cloudWatchLogsGroupArn: "arn:aws:logs:eu-central-1:210987654321:log-group:/mc-eu/cloudtrail:*",
};
const advanced = (type: string, arn?: Record<string, unknown>) => ({
  name: `${type} data events`,
  fieldSelectors: [
    { field: "eventCategory", equals: ["Data"] },
    { field: "resources.type", equals: [type] },
    ...(arn ? [{ field: "resources.ARN", ...arn }] : []),
  ],
});
const trail = (props: Record<string, unknown>, deps?: Record<string, string[]>) =>
  resource(
    "aws:cloudtrail/trail:Trail",
    "audit-trail",
    Object.fromEntries(
      Object.entries({ ...hardened, ...props }).filter(([, v]) => v !== undefined),
    ),
    deps,
  );

describe("stack-aws-audit-enable-cloudtrail-data-events", () => {
  it("passes a hardened trail whose advanced selectors cover the PHI bucket and Lambda functions", async () => {
    const out = await checkStack(policy, [
      awsProvider(),
      bucket,
      fn,
      trail({
        advancedEventSelectors: [
          advanced("AWS::S3::Object", { startsWiths: ["arn:aws:s3:::mc-eu-records/"] }),
          advanced("AWS::Lambda::Function"),
        ],
      }),
    ]);
    expect(out).toEqual({ violations: [], byUrn: [], indeterminate: false });
  });

  it("passes classic event selectors for all buckets and functions", async () => {
    const selectors = [
      {
        readWriteType: "All",
        includeManagementEvents: true,
        dataResources: [
          { type: "AWS::S3::Object", values: ["arn:aws:s3"] },
          { type: "AWS::Lambda::Function", values: ["arn:aws:lambda"] },
        ],
      },
    ];
    expect(
      (await checkStack(policy, [awsProvider(), bucket, fn, trail({ eventSelectors: selectors })]))
        .violations,
    ).toEqual([]);
  });

  it("reports trail settings on the trail and uncovered resources on their own URNs", async () => {
    const trailResource = trail({
      isMultiRegionTrail: false,
      enableLogFileValidation: false,
      kmsKeyId: undefined,
      advancedEventSelectors: [
        advanced("AWS::S3::Object", { startsWiths: ["arn:aws:s3:::other-bucket/"] }),
      ],
    });
    const out = await checkStack(policy, [awsProvider(), bucket, fn, trailResource]);
    expect(out.byUrn).toEqual([
      {
        urn: trailResource.urn,
        message: `CloudTrail trail audit-trail: isMultiRegionTrail is not true; enableLogFileValidation is not true; kmsKeyId is not set (logs not KMS-encrypted). ${c}`,
      },
      {
        urn: bucket.urn,
        message: `PHI S3 bucket mc-eu-records is not covered by any trail's data events; expected an event selector for AWS::S3::Object that includes it. ${c}`,
      },
      {
        urn: fn.urn,
        message: `Lambda function vitals-anomaly is not covered by any trail's data events; expected an event selector for AWS::Lambda::Function that includes it. ${c}`,
      },
    ]);
  });

  it("reads exclusions: a PHI bucket excluded by notStartsWiths is not covered, the trail's own bucket is exempt", async () => {
    const trailBucket = s3Bucket("mc-eu-audit-trail");
    const everyBucketBut = (excluded: string) =>
      trail({
        s3BucketName: "mc-eu-audit-trail",
        advancedEventSelectors: [
          advanced("AWS::S3::Object", { notStartsWiths: [excluded] }),
          advanced("AWS::Lambda::Function"),
        ],
      });
    expect(
      (
        await checkStack(policy, [
          awsProvider(),
          bucket,
          trailBucket,
          fn,
          everyBucketBut("arn:aws:s3:::mc-eu-audit-trail/"),
        ])
      ).violations,
    ).toEqual([]);
    expect(
      (
        await checkStack(policy, [
          awsProvider(),
          bucket,
          trailBucket,
          fn,
          everyBucketBut("arn:aws:s3:::mc-eu-records/"),
        ])
      ).byUrn,
    ).toEqual([
      {
        urn: bucket.urn,
        message: `PHI S3 bucket mc-eu-records is not covered by any trail's data events; expected an event selector for AWS::S3::Object that includes it. ${c}`,
      },
    ]);
  });

  it("reports a PHI stack with no trail at all on the stack (absent)", async () => {
    expect((await checkStack(policy, [awsProvider(), bucket])).byUrn).toEqual([
      {
        urn: "",
        message: `The stack holds PHI on AWS but has no aws.cloudtrail.Trail; expected a multi-region trail with log file validation, KMS encryption, CloudWatch Logs delivery and data events. ${c}`,
      },
    ]);
  });

  it("does not apply without PHI on AWS, and a non-PHI bucket needs no data events", async () => {
    const internal = awsProvider({ ...phiLabels, "data-classification": "internal" });
    expect((await checkStack(policy, [internal, bucket])).notApplicable).toBe(
      "The stack has no PHI resources on AWS.",
    );
    expect(
      (await checkStack(policy, [s3Bucket("scratch")], { unlabelledIsPhi: false })).notApplicable,
    ).toBe("The stack has no PHI resources on AWS.");
  });

  it("covers a bucket through the selector's dependency while its ARN is unknown", async () => {
    const out = await checkStack(policy, [
      awsProvider(),
      bucket,
      trail(
        { advancedEventSelectors: [advanced("AWS::S3::Object", { startsWiths: [unknown] })] },
        { advancedEventSelectors: [bucket.urn] },
      ),
    ]);
    expect(out).toEqual({ violations: [], byUrn: [], indeterminate: false });
  });

  it("decides a preview-time trail on dependencies: unknown key and log group, unknown exclusion of its own bucket", async () => {
    const trailBucket = s3Bucket("mc-eu-audit-trail");
    const key = resource("aws:kms/key:Key", "phi-key", { enableKeyRotation: true });
    const logs = resource("aws:cloudwatch/logGroup:LogGroup", "trail-logs", {});
    const previewTrail = trail(
      {
        kmsKeyId: unknown,
        cloudWatchLogsGroupArn: unknown,
        s3BucketName: unknown,
        advancedEventSelectors: [
          advanced("AWS::S3::Object", { notStartsWiths: [unknown] }),
          advanced("AWS::Lambda::Function", { equals: [unknown] }),
        ],
      },
      {
        kmsKeyId: [key.urn],
        cloudWatchLogsGroupArn: [logs.urn],
        s3BucketName: [trailBucket.urn],
        advancedEventSelectors: [trailBucket.urn, fn.urn],
      },
    );
    const out = await checkStack(policy, [
      awsProvider(),
      key,
      logs,
      bucket,
      trailBucket,
      fn,
      previewTrail,
    ]);
    expect(out).toEqual({ violations: [], byUrn: [], indeterminate: false });
  });

  it("is indeterminate when the selected ARNs are unknown and no dependency decides", async () => {
    const out = await checkStack(policy, [
      awsProvider(),
      bucket,
      trail({ advancedEventSelectors: [advanced("AWS::S3::Object", { startsWiths: [unknown] })] }),
    ]);
    expect(out).toMatchObject({ violations: [], indeterminate: true });
  });

  it("is indeterminate when a trail setting is unknown", async () => {
    const out = await checkStack(policy, [
      awsProvider(),
      bucket,
      trail({ enableLogFileValidation: unknown }),
    ]);
    expect(out.indeterminate).toBe(true);
  });
});
