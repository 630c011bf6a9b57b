import { awsSecretsmanagerSecretEnableCmkEncryption } from "../../../../policies/aws/secretsmanager";
import { awsSnsTopicEnableCmkEncryption } from "../../../../policies/aws/sns";
import { awsSqsQueueEnableCmkEncryption } from "../../../../policies/aws/sqs";
import { describePolicy, unknown } from "../cases";

const enc = "(Control ID: HIPAA 164.312(a)(2)(iv); GDPR Art. 32)";
const key = "arn:aws:kms:eu-central-1:123456789012:key/0000";

describePolicy(awsSqsQueueEnableCmkEncryption, {
  type: "aws:sqs/queue:Queue",
  compliant: [{ kmsMasterKeyId: key }],
  nonCompliant: [
    ["SQS-managed SSE only", { sqsManagedSseEnabled: true }, [`kmsMasterKeyId is not set; expected the ARN of a customer-managed KMS key (not alias/aws/sqs). ${enc}`]],
    ["the AWS managed key", { kmsMasterKeyId: "alias/aws/sqs" }, [`kmsMasterKeyId is "alias/aws/sqs", an AWS managed key; expected a customer-managed KMS key. ${enc}`]],
  ],
  absent: [{}, [`kmsMasterKeyId is not set; expected the ARN of a customer-managed KMS key (not alias/aws/sqs). ${enc}`]],
  unknown: [{ kmsMasterKeyId: unknown }],
});

describePolicy(awsSnsTopicEnableCmkEncryption, {
  type: "aws:sns/topic:Topic",
  compliant: [{ kmsMasterKeyId: key }, { kmsMasterKeyId: "alias/mediconnect-phi" }],
  nonCompliant: [["the AWS managed key", { kmsMasterKeyId: "alias/aws/sns" }, [`kmsMasterKeyId is "alias/aws/sns", an AWS managed key; expected a customer-managed KMS key. ${enc}`]]],
  absent: [{}, [`kmsMasterKeyId is not set; expected the ARN of a customer-managed KMS key (not alias/aws/sns). ${enc}`]],
  unknown: [{ kmsMasterKeyId: unknown }],
});

describePolicy(awsSecretsmanagerSecretEnableCmkEncryption, {
  type: "aws:secretsmanager/secret:Secret",
  compliant: [{ kmsKeyId: key }],
  nonCompliant: [["the AWS managed key", { kmsKeyId: "alias/aws/secretsmanager" }, [`kmsKeyId is "alias/aws/secretsmanager", an AWS managed key; expected a customer-managed KMS key. ${enc}`]]],
  absent: [{}, [`kmsKeyId is not set; expected the ARN of a customer-managed KMS key (not alias/aws/secretsmanager). ${enc}`]],
  unknown: [{ kmsKeyId: unknown }],
});
