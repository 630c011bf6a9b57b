import * as sns from "@pulumi/aws/sns";
import { resourcePolicy } from "../../lib/define";
import { isAwsManagedKey } from "../lib/format";

/**
 * Notifications about patients (alerts, appointment changes) are stored by SNS until delivered; a customer-managed
 * key keeps them under the platform's key policy, which the AWS managed alias/aws/sns key cannot be.
 * @severity high
 * @controls hipaa:164.312(a)(2)(iv), gdpr:art32
 */
export const awsSnsTopicEnableCmkEncryption = resourcePolicy(
  {
    name: "aws-sns-topic-enable-cmk-encryption",
    description: "SNS topics must be encrypted with a customer-managed KMS key.",
    severity: "high",
    controls: ["hipaa:164.312(a)(2)(iv)", "gdpr:art32"],
    remediationSteps:
      'Set `kmsMasterKeyId` to the ARN of a customer-managed aws.kms.Key (not "alias/aws/sns") on the aws.sns.Topic.',
  },
  sns.Topic,
  (resource, { report }) => {
    const key = resource.kmsMasterKeyId;
    if (key === undefined) {
      report(
        "kmsMasterKeyId is not set; expected the ARN of a customer-managed KMS key (not alias/aws/sns).",
      );
    } else if (isAwsManagedKey(key)) {
      report(
        `kmsMasterKeyId is "${key}", an AWS managed key; expected a customer-managed KMS key.`,
      );
    }
  },
);
