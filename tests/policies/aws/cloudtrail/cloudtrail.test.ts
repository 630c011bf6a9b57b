import * as policies from "../../../../policies/aws/cloudtrail";
import { describePolicy, unknown } from "../cases";

const type = "aws:cloudtrail/trail:Trail";
const trail = (props: Record<string, unknown> = {}) => ({ s3BucketName: "audit", ...props });
const integrity = "(Control ID: HIPAA 164.312(c)(2); HIPAA 164.312(c)(1); HIPAA 164.312(b))";

describePolicy(policies.awsCloudtrailTrailEnableLogFileValidation, {
  type,
  compliant: [trail({ enableLogFileValidation: true })],
  nonCompliant: [
    [
      "off",
      trail({ enableLogFileValidation: false }),
      [`enableLogFileValidation is false; expected true. ${integrity}`],
    ],
  ],
  absent: [trail(), [`enableLogFileValidation is not set; expected true. ${integrity}`]],
  unknown: [trail({ enableLogFileValidation: unknown })],
});

const enc = "(Control ID: HIPAA 164.312(a)(2)(iv); GDPR Art. 32)";
describePolicy(policies.awsCloudtrailTrailEnableKmsEncryption, {
  type,
  compliant: [trail({ kmsKeyId: "arn:aws:kms:eu-central-1:123456789012:key/0000" })],
  nonCompliant: [],
  absent: [
    trail(),
    [`kmsKeyId is not set (SSE-S3 only); expected a customer-managed KMS key ARN. ${enc}`],
  ],
  unknown: [trail({ kmsKeyId: unknown })],
});

const regions = "(Control ID: HIPAA 164.312(b); HIPAA 164.308(a)(1)(ii)(D); GDPR Art. 33)";
describePolicy(policies.awsCloudtrailTrailEnableMultiRegion, {
  type,
  compliant: [trail({ isMultiRegionTrail: true })],
  nonCompliant: [
    [
      "single region",
      trail({ isMultiRegionTrail: false }),
      [`isMultiRegionTrail is false; expected true. ${regions}`],
    ],
  ],
  absent: [trail(), [`isMultiRegionTrail is not set; expected true. ${regions}`]],
  unknown: [trail({ isMultiRegionTrail: unknown })],
});

describePolicy(policies.awsCloudtrailTrailEnableGlobalServiceEvents, {
  type,
  compliant: [trail({ includeGlobalServiceEvents: true })],
  nonCompliant: [
    [
      "off",
      trail({ includeGlobalServiceEvents: false }),
      [
        "includeGlobalServiceEvents is false; expected true. (Control ID: HIPAA 164.312(b); HIPAA 164.308(a)(1)(ii)(D))",
      ],
    ],
  ],
  absent: [trail(), []],
  unknown: [trail({ includeGlobalServiceEvents: unknown })],
});

const review = "(Control ID: HIPAA 164.308(a)(1)(ii)(D); HIPAA 164.312(b); GDPR Art. 33)";
describePolicy(policies.awsCloudtrailTrailConfigureCloudwatchLogs, {
  type,
  compliant: [
    trail({
      cloudWatchLogsGroupArn: "arn:aws:logs:eu-central-1:123456789012:log-group:trail:*",
      cloudWatchLogsRoleArn: "arn:aws:iam::123456789012:role/trail",
    }),
  ],
  nonCompliant: [
    [
      "no role",
      trail({ cloudWatchLogsGroupArn: "arn:aws:logs:eu-central-1:123456789012:log-group:trail:*" }),
      [`cloudWatchLogsRoleArn is not set; expected delivery to a CloudWatch Logs group. ${review}`],
    ],
  ],
  absent: [
    trail(),
    [
      `cloudWatchLogsGroupArn and cloudWatchLogsRoleArn are not set; expected delivery to a CloudWatch Logs group. ${review}`,
    ],
  ],
  unknown: [trail({ cloudWatchLogsGroupArn: unknown })],
});

describePolicy(policies.awsCloudtrailTrailEnableLogging, {
  type,
  compliant: [trail({ enableLogging: true })],
  nonCompliant: [
    [
      "stopped",
      trail({ enableLogging: false }),
      ["enableLogging is false; expected true. (Control ID: HIPAA 164.312(b); GDPR Art. 33)"],
    ],
  ],
  absent: [trail(), []],
  unknown: [trail({ enableLogging: unknown })],
});

const data = "(Control ID: HIPAA 164.312(b); HIPAA 164.308(a)(1)(ii)(D); GDPR Art. 33)";
describePolicy(policies.awsCloudtrailTrailEnableDataEvents, {
  type,
  compliant: [
    trail({
      eventSelectors: [
        {
          readWriteType: "All",
          dataResources: [{ type: "AWS::S3::Object", values: ["arn:aws:s3"] }],
        },
      ],
    }),
    trail({
      advancedEventSelectors: [
        {
          name: "phi",
          fieldSelectors: [
            { field: "eventCategory", equals: ["Data"] },
            { field: "resources.type", equals: ["AWS::DynamoDB::Table"] },
          ],
        },
      ],
    }),
  ],
  nonCompliant: [
    [
      "management events only",
      trail({
        eventSelectors: [{ readWriteType: "All", includeManagementEvents: true }],
        advancedEventSelectors: [
          { fieldSelectors: [{ field: "eventCategory", equals: ["Management"] }] },
        ],
      }),
      [
        `No event selector records data events; expected eventSelectors with dataResources or an advanced selector on eventCategory "Data". ${data}`,
      ],
    ],
  ],
  absent: [
    trail(),
    [
      `No event selector records data events; expected eventSelectors with dataResources or an advanced selector on eventCategory "Data". ${data}`,
    ],
  ],
  unknown: [trail({ eventSelectors: unknown })],
});
