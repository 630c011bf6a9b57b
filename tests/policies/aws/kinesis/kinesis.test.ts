import * as policies from "../../../../policies/aws/kinesis";
import { describePolicy, unknown } from "../cases";

const stream = "aws:kinesis/stream:Stream";
const firehose = "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream";
const enc = "(Control ID: HIPAA 164.312(a)(2)(iv); GDPR Art. 32)";
const key = "arn:aws:kms:eu-central-1:123456789012:key/0000";

describePolicy(policies.awsKinesisStreamEnableCmkEncryption, {
  type: stream,
  compliant: [{ encryptionType: "KMS", kmsKeyId: key }],
  nonCompliant: [
    [
      "no encryption",
      { encryptionType: "NONE" },
      [
        `encryptionType is "NONE" (AWS defaults to "NONE"); expected "KMS" with a customer-managed key. ${enc}`,
      ],
    ],
    [
      "the AWS managed key",
      { encryptionType: "KMS", kmsKeyId: "alias/aws/kinesis" },
      [
        `kmsKeyId is "alias/aws/kinesis", an AWS managed key; expected a customer-managed KMS key. ${enc}`,
      ],
    ],
    [
      "KMS without a key",
      { encryptionType: "KMS" },
      [`kmsKeyId is not set; expected the ARN of a customer-managed KMS key. ${enc}`],
    ],
  ],
  absent: [
    {},
    [
      `encryptionType is not set (AWS defaults to "NONE"); expected "KMS" with a customer-managed key. ${enc}`,
    ],
  ],
  unknown: [{ encryptionType: "KMS", kmsKeyId: unknown }, { encryptionType: unknown }],
});

const erasure = "(Control ID: GDPR Art. 17; GDPR Art. 5(1)(e))";
describePolicy(policies.awsKinesisStreamConfigureRetentionPeriod, {
  type: stream,
  compliant: [{ retentionPeriod: 24 }, { retentionPeriod: 168 }],
  nonCompliant: [
    [
      "a year",
      { retentionPeriod: 8760 },
      [
        `retentionPeriod is 8760 hours; expected at most 168 hours (the erasure window). ${erasure}`,
      ],
    ],
  ],
  absent: [{}, []],
  config: [
    [
      "maxRetentionHours 48 rejects 72",
      { maxRetentionHours: 48 },
      { retentionPeriod: 72 },
      [`retentionPeriod is 72 hours; expected at most 48 hours (the erasure window). ${erasure}`],
    ],
    ["maxRetentionHours 720 accepts 720", { maxRetentionHours: 720 }, { retentionPeriod: 720 }, []],
  ],
  unknown: [{ retentionPeriod: unknown }],
});

describePolicy(policies.awsKinesisFirehoseDeliveryStreamEnableCmkEncryption, {
  type: firehose,
  compliant: [
    {
      destination: "extended_s3",
      serverSideEncryption: { enabled: true, keyType: "CUSTOMER_MANAGED_CMK", keyArn: key },
    },
    {
      destination: "extended_s3",
      kinesisSourceConfiguration: {
        kinesisStreamArn: "arn:aws:kinesis:eu-central-1:123456789012:stream/s",
        roleArn: "r",
      },
    },
  ],
  nonCompliant: [
    [
      "the AWS owned key",
      {
        destination: "extended_s3",
        serverSideEncryption: { enabled: true, keyType: "AWS_OWNED_CMK" },
      },
      [
        `serverSideEncryption.keyType is "AWS_OWNED_CMK" with keyArn not set; expected "CUSTOMER_MANAGED_CMK" with a keyArn. ${enc}`,
      ],
    ],
    [
      "disabled",
      { destination: "extended_s3", serverSideEncryption: { enabled: false } },
      [
        `serverSideEncryption.enabled is false; expected true with keyType "CUSTOMER_MANAGED_CMK". ${enc}`,
      ],
    ],
  ],
  absent: [
    { destination: "extended_s3" },
    [
      `serverSideEncryption.enabled is not set; expected true with keyType "CUSTOMER_MANAGED_CMK". ${enc}`,
    ],
  ],
  unknown: [
    {
      destination: "extended_s3",
      serverSideEncryption: { enabled: true, keyType: "CUSTOMER_MANAGED_CMK", keyArn: unknown },
    },
  ],
});

describePolicy(policies.awsKinesisVideoStreamEnableCmkEncryption, {
  type: "aws:kinesis/videoStream:VideoStream",
  compliant: [{ kmsKeyId: key }],
  nonCompliant: [
    [
      "the AWS managed key",
      { kmsKeyId: "alias/aws/kinesisvideo" },
      [
        `kmsKeyId is "alias/aws/kinesisvideo", an AWS managed key; expected a customer-managed KMS key. ${enc}`,
      ],
    ],
  ],
  absent: [
    {},
    [
      `kmsKeyId is not set (the AWS managed aws/kinesisvideo key); expected a customer-managed KMS key ARN. ${enc}`,
    ],
  ],
  unknown: [{ kmsKeyId: unknown }],
});
