import {
  Recorded,
  account,
  byType,
  installMocks,
  one,
  policyOf,
  settle,
  statement,
  valueOf,
  key,
  arn,
} from "../../helpers/mocks";

let recorded: Recorded[];
let auditModule: typeof import("../../../components/aws/audit");
let baselineModule: typeof import("../../../components/aws/account-baseline");
let kms: typeof import("../../../components/aws/kms-key");

const trailArn = arn("cloudtrail", "trail/mc-eu-audit");
const bucketArn = `arn:aws:s3:::mc-eu-audit-trail-${account}`;
const fnArn = arn("lambda", "function:mc-eu-video-meeting");
const tableArn = arn("dynamodb", "table/mc-eu-video-meetings");

beforeAll(async () => {
  recorded = await installMocks();
  auditModule = await import("../../../components/aws/audit");
  baselineModule = await import("../../../components/aws/account-baseline");
  kms = await import("../../../components/aws/kms-key");
  const audit = new auditModule.Audit("audit", {
    namePrefix: "mc-eu",
    kmsKeyArn: key,
    logRetentionInDays: 2192,
    functionArns: [fnArn],
    tableArns: [tableArn],
  });
  const baseline = new baselineModule.AccountBaseline("baseline", { accountId: account });
  await valueOf(audit.trailArn);
  await valueOf(baseline.publicAccessBlockId);
  await settle();
});

describe("Audit", () => {
  it("records every region, global events, validated and KMS-encrypted files, delivered to CloudWatch Logs", () => {
    const trail = one(recorded, "aws:cloudtrail/trail:Trail", "audit-trail").inputs;
    expect({ ...trail, advancedEventSelectors: undefined }).toEqual({
      name: "mc-eu-audit",
      s3BucketName: `mc-eu-audit-trail-${account}`,
      isMultiRegionTrail: true,
      includeGlobalServiceEvents: true,
      enableLogFileValidation: true,
      enableLogging: true,
      kmsKeyId: key,
      cloudWatchLogsGroupArn: `${arn("logs", "log-group:/aws/cloudtrail/mc-eu-audit")}:*`,
      cloudWatchLogsRoleArn: `arn:aws:iam::${account}:role/mc-eu-audit-trail-logs`,
    });
  });

  it("records data events of S3 objects (but its own bucket), the PHI functions and the PHI tables", () => {
    expect(
      one(recorded, "aws:cloudtrail/trail:Trail", "audit-trail").inputs.advancedEventSelectors,
    ).toEqual([
      {
        name: "Management events",
        fieldSelectors: [{ field: "eventCategory", equals: ["Management"] }],
      },
      {
        name: "S3 object events of every bucket but the trail's own",
        fieldSelectors: [
          { field: "eventCategory", equals: ["Data"] },
          { field: "resources.type", equals: ["AWS::S3::Object"] },
          { field: "resources.ARN", notStartsWiths: [`${bucketArn}/`] },
        ],
      },
      {
        name: "Lambda invocations of PHI functions",
        fieldSelectors: [
          { field: "eventCategory", equals: ["Data"] },
          { field: "resources.type", equals: ["AWS::Lambda::Function"] },
          { field: "resources.ARN", equals: [fnArn] },
        ],
      },
      {
        name: "DynamoDB item events of PHI tables",
        fieldSelectors: [
          { field: "eventCategory", equals: ["Data"] },
          { field: "resources.type", equals: ["AWS::DynamoDB::Table"] },
          { field: "resources.ARN", equals: [tableArn] },
        ],
      },
    ]);
  });

  it("keeps the trail bucket private, CMK-encrypted, versioned, object-locked for six years and expiring after", () => {
    expect(one(recorded, "aws:s3/bucket:Bucket", "audit-bucket").inputs).toEqual({
      bucket: `mc-eu-audit-trail-${account}`,
      objectLockEnabled: true,
      forceDestroy: false,
    });
    const bucketChild = (type: string) => one(recorded, type, "audit-bucket").inputs;
    expect(bucketChild("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock")).toEqual({
      bucket: `mc-eu-audit-trail-${account}`,
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    });
    expect(
      bucketChild(
        "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
      ),
    ).toEqual({
      bucket: `mc-eu-audit-trail-${account}`,
      rules: [
        {
          applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: key },
          bucketKeyEnabled: true,
        },
      ],
    });
    expect(bucketChild("aws:s3/bucketVersioning:BucketVersioning")).toEqual({
      bucket: `mc-eu-audit-trail-${account}`,
      versioningConfiguration: { status: "Enabled" },
    });
    expect(
      bucketChild("aws:s3/bucketObjectLockConfiguration:BucketObjectLockConfiguration"),
    ).toEqual({
      bucket: `mc-eu-audit-trail-${account}`,
      objectLockEnabled: "Enabled",
      rule: { defaultRetention: { mode: "COMPLIANCE", days: 2192 } },
    });
    expect(
      bucketChild("aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration").rules,
    ).toEqual([
      {
        id: "keep-six-years-then-expire",
        status: "Enabled",
        filter: {},
        expiration: { days: 2192 },
        noncurrentVersionExpiration: { noncurrentDays: 30 },
        abortIncompleteMultipartUpload: { daysAfterInitiation: 7 },
      },
    ]);
    expect(bucketChild("aws:s3/bucketOwnershipControls:BucketOwnershipControls").rule).toEqual({
      objectOwnership: "BucketOwnerEnforced",
    });
  });

  it("denies non-TLS access and lets only this trail write, under AWSLogs/<account>", () => {
    const policy = one(recorded, "aws:s3/bucketPolicy:BucketPolicy", "audit-bucket");
    expect(policyOf(policy).Statement).toEqual([
      {
        Sid: "DenyInsecureTransport",
        Effect: "Deny",
        Principal: "*",
        Action: "s3:*",
        Resource: [bucketArn, `${bucketArn}/*`],
        Condition: { Bool: { "aws:SecureTransport": "false" } },
      },
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
        Resource: `${bucketArn}/AWSLogs/${account}/*`,
        Condition: {
          StringEquals: { "s3:x-amz-acl": "bucket-owner-full-control", "aws:SourceArn": trailArn },
        },
      },
    ]);
  });

  it("delivers to a KMS-encrypted log group through a role only this trail may assume", () => {
    expect(one(recorded, "aws:cloudwatch/logGroup:LogGroup", "audit-logs").inputs).toEqual({
      name: "/aws/cloudtrail/mc-eu-audit",
      kmsKeyId: key,
      retentionInDays: 2192,
    });
    expect(
      policyOf(one(recorded, "aws:iam/role:Role", "audit-logs"), "assumeRolePolicy").Statement[0]
        .Condition,
    ).toEqual({
      StringEquals: { "aws:SourceArn": trailArn },
    });
    expect(
      statement(one(recorded, "aws:iam/rolePolicy:RolePolicy", "audit-logs"), "DeliverToLogGroup")
        .Resource,
    ).toBe(`${arn("logs", "log-group:/aws/cloudtrail/mc-eu-audit")}:log-stream:*`);
  });

  it("refuses a retention under six years, naming the argument", () => {
    expect(
      () =>
        new auditModule.Audit("bad", {
          namePrefix: "mc",
          kmsKeyArn: key,
          logRetentionInDays: 2192,
          retentionDays: 365,
        }),
    ).toThrow("Audit bad: [retentionDays] must be a whole number of at least 2192");
  });
});

describe("AccountBaseline", () => {
  it("blocks public S3 access account-wide and turns on EBS encryption by default", () => {
    expect(
      one(
        recorded,
        "aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock",
        "baseline-s3-public-access",
      ).inputs,
    ).toEqual({
      accountId: account,
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    });
    expect(
      byType(recorded, "aws:ebs/encryptionByDefault:EncryptionByDefault").map((r) => r.inputs),
    ).toEqual([{ enabled: true }]);
  });
});

describe("keyPolicy service grants", () => {
  it("keeps plain service principals limited by aws:SourceAccount", () => {
    expect(
      JSON.parse(kms.keyPolicy(account, ["logs.eu-central-1.amazonaws.com"])).Statement[1]
        .Condition,
    ).toEqual({
      StringEquals: { "aws:SourceAccount": account },
    });
  });

  it("narrows a grant to its source ARNs, or uses the condition the service documents", () => {
    const statements = JSON.parse(
      kms.keyPolicy(account, [
        { service: "cloudtrail.amazonaws.com", sourceArns: [trailArn] },
        {
          service: "logs.eu-central-1.amazonaws.com",
          condition: { ArnLike: { "kms:EncryptionContext:aws:logs:arn": "arn:aws:logs:*" } },
        },
      ]),
    ).Statement;
    expect(statements.slice(1)).toEqual([
      {
        Sid: "ServiceCloudtrailUsesKey",
        Effect: "Allow",
        Principal: { Service: "cloudtrail.amazonaws.com" },
        Action: [
          "kms:Encrypt*",
          "kms:Decrypt*",
          "kms:ReEncrypt*",
          "kms:GenerateDataKey*",
          "kms:DescribeKey",
        ],
        Resource: "*",
        Condition: {
          StringEquals: { "aws:SourceAccount": account },
          ArnLike: { "aws:SourceArn": trailArn },
        },
      },
      {
        Sid: "ServiceLogsEucentral1UsesKey",
        Effect: "Allow",
        Principal: { Service: "logs.eu-central-1.amazonaws.com" },
        Action: [
          "kms:Encrypt*",
          "kms:Decrypt*",
          "kms:ReEncrypt*",
          "kms:GenerateDataKey*",
          "kms:DescribeKey",
        ],
        Resource: "*",
        Condition: { ArnLike: { "kms:EncryptionContext:aws:logs:arn": "arn:aws:logs:*" } },
      },
    ]);
  });
});
