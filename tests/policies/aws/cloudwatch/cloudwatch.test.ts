import * as policies from "../../../../policies/aws/cloudwatch";
import { describePolicy, unknown } from "../cases";

const type = "aws:cloudwatch/logGroup:LogGroup";

describePolicy(policies.awsCloudwatchLogGroupEnableKmsEncryption, {
  type,
  compliant: [{ kmsKeyId: "arn:aws:kms:eu-central-1:123456789012:key/0000" }],
  nonCompliant: [],
  absent: [
    { retentionInDays: 2192 },
    [
      "kmsKeyId is not set; expected a customer-managed KMS key ARN. (Control ID: HIPAA 164.312(a)(2)(iv); GDPR Art. 32)",
    ],
  ],
  unknown: [{ kmsKeyId: unknown }],
});

const retention = "(Control ID: HIPAA 164.316(b)(2); GDPR Art. 5(1)(e))";
describePolicy(policies.awsCloudwatchLogGroupConfigureRetention, {
  type,
  compliant: [{ retentionInDays: 2192 }, { retentionInDays: 3653 }],
  nonCompliant: [
    [
      "one year",
      { retentionInDays: 365 },
      [`retentionInDays is 365; expected at least 2192 days. ${retention}`],
    ],
    [
      "never expire",
      { retentionInDays: 0 },
      [
        `retentionInDays is 0 (never expire); expected an explicit value from 2192 to 3653 days. ${retention}`,
      ],
    ],
  ],
  absent: [
    {},
    [
      `retentionInDays is not set (never expire); expected an explicit value from 2192 to 3653 days. ${retention}`,
    ],
  ],
  config: [
    ["minRetentionDays 30 accepts 30", { minRetentionDays: 30 }, { retentionInDays: 30 }, []],
    [
      "maxRetentionDays 2192 rejects 2557",
      { maxRetentionDays: 2192 },
      { retentionInDays: 2557 },
      [`retentionInDays is 2557; expected at most 2192 days. ${retention}`],
    ],
  ],
  unknown: [{ retentionInDays: unknown }],
});
