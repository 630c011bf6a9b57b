import * as policies from "../../../../policies/aws/dynamodb";
import { describePolicy, unknown } from "../cases";

const type = "aws:dynamodb/table:Table";
const table = (props: Record<string, unknown> = {}) => ({
  hashKey: "id",
  attributes: [{ name: "id", type: "S" }],
  ...props,
});
const key = "arn:aws:kms:eu-central-1:123456789012:key/0000";

const backup = "(Control ID: HIPAA 164.308(a)(7); GDPR Art. 32)";
describePolicy(policies.awsDynamodbTableEnablePointInTimeRecovery, {
  type,
  compliant: [table({ pointInTimeRecovery: { enabled: true } })],
  nonCompliant: [
    [
      "disabled",
      table({ pointInTimeRecovery: { enabled: false } }),
      [`pointInTimeRecovery.enabled is false; expected true. ${backup}`],
    ],
  ],
  absent: [table(), [`pointInTimeRecovery.enabled is not set; expected true. ${backup}`]],
  unknown: [table({ pointInTimeRecovery: { enabled: unknown } })],
});

const enc = "(Control ID: HIPAA 164.312(a)(2)(iv); GDPR Art. 32)";
describePolicy(policies.awsDynamodbTableEnableCmkEncryption, {
  type,
  compliant: [table({ serverSideEncryption: { enabled: true, kmsKeyArn: key } })],
  nonCompliant: [
    [
      "the AWS managed key",
      table({ serverSideEncryption: { enabled: true } }),
      [
        `serverSideEncryption.kmsKeyArn is not set (the AWS managed aws/dynamodb key); expected a customer-managed KMS key ARN. ${enc}`,
      ],
    ],
    [
      "an AWS managed alias",
      table({
        serverSideEncryption: {
          enabled: true,
          kmsKeyArn: "arn:aws:kms:eu-central-1:123456789012:alias/aws/dynamodb",
        },
      }),
      [
        `serverSideEncryption.kmsKeyArn is "arn:aws:kms:eu-central-1:123456789012:alias/aws/dynamodb", an AWS managed key; expected a customer-managed KMS key ARN. ${enc}`,
      ],
    ],
  ],
  absent: [
    table(),
    [
      `serverSideEncryption.enabled is not set (an AWS owned key); expected true with a customer-managed kmsKeyArn. ${enc}`,
    ],
  ],
  unknown: [table({ serverSideEncryption: { enabled: true, kmsKeyArn: unknown } })],
});

const protect = "(Control ID: HIPAA 164.308(a)(7); HIPAA 164.312(c)(1))";
describePolicy(policies.awsDynamodbTableEnableDeletionProtection, {
  type,
  compliant: [table({ deletionProtectionEnabled: true })],
  nonCompliant: [
    [
      "disabled",
      table({ deletionProtectionEnabled: false }),
      [`deletionProtectionEnabled is false; expected true. ${protect}`],
    ],
  ],
  absent: [table(), [`deletionProtectionEnabled is not set; expected true. ${protect}`]],
  unknown: [table({ deletionProtectionEnabled: unknown })],
});
