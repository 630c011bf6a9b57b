import * as sqs from "@pulumi/aws/sqs";
import { resourcePolicy } from "../../lib/define";
import { isAwsManagedKey } from "../lib/format";

/**
 * Messages wait in the queue with their PHI; SQS-managed SSE uses keys no customer policy governs, so the queue must
 * use a customer-managed KMS key.
 * @severity high
 * @controls hipaa:164.312(a)(2)(iv), gdpr:art32
 */
export const awsSqsQueueEnableCmkEncryption = resourcePolicy(
  {
    name: "aws-sqs-queue-enable-cmk-encryption",
    description:
      "SQS queues must be encrypted with a customer-managed KMS key (not SQS-managed SSE).",
    severity: "high",
    controls: ["hipaa:164.312(a)(2)(iv)", "gdpr:art32"],
    remediationSteps:
      "Set `kmsMasterKeyId` to the ARN of a customer-managed aws.kms.Key on the aws.sqs.Queue (and drop `sqsManagedSseEnabled`).",
  },
  sqs.Queue,
  (resource, { report }) => {
    const key = resource.kmsMasterKeyId;
    if (key === undefined) {
      report(
        "kmsMasterKeyId is not set; expected the ARN of a customer-managed KMS key (not alias/aws/sqs).",
      );
    } else if (isAwsManagedKey(key)) {
      report(
        `kmsMasterKeyId is "${key}", an AWS managed key; expected a customer-managed KMS key.`,
      );
    }
  },
);
