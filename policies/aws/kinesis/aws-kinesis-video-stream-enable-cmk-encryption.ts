import * as kinesis from "@pulumi/aws/kinesis";
import { resourcePolicy } from "../../lib/define";
import { isAwsManagedKey } from "../lib/format";

/**
 * Video streams carry consultations and images of patients; without a key of its own, Kinesis Video uses the AWS
 * managed aws/kinesisvideo key, which no customer policy governs.
 * @severity high
 * @controls hipaa:164.312(a)(2)(iv), gdpr:art32
 */
export const awsKinesisVideoStreamEnableCmkEncryption = resourcePolicy(
  {
    name: "aws-kinesis-video-stream-enable-cmk-encryption",
    description: "Kinesis video streams must be encrypted with a customer-managed KMS key.",
    severity: "high",
    controls: ["hipaa:164.312(a)(2)(iv)", "gdpr:art32"],
    remediationSteps:
      "Set `kmsKeyId` to the ARN of a customer-managed aws.kms.Key on the aws.kinesis.VideoStream.",
  },
  kinesis.VideoStream,
  (stream, { report }) => {
    if (stream.kmsKeyId === undefined) {
      report(
        "kmsKeyId is not set (the AWS managed aws/kinesisvideo key); expected a customer-managed KMS key ARN.",
      );
    } else if (isAwsManagedKey(stream.kmsKeyId)) {
      report(
        `kmsKeyId is "${stream.kmsKeyId}", an AWS managed key; expected a customer-managed KMS key.`,
      );
    }
  },
);
