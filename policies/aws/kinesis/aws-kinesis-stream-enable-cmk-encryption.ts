import * as kinesis from "@pulumi/aws/kinesis";
import { resourcePolicy } from "../../lib/define";
import { isAwsManagedKey, shown } from "../lib/format";

/**
 * Vital signs travel through the stream; a customer-managed key keeps decryption under the platform's own key
 * policy and audit trail, which the AWS managed alias/aws/kinesis key does not.
 * @severity high
 * @controls hipaa:164.312(a)(2)(iv), gdpr:art32
 */
export const awsKinesisStreamEnableCmkEncryption = resourcePolicy(
  {
    name: "aws-kinesis-stream-enable-cmk-encryption",
    description: "Kinesis streams must be encrypted with a customer-managed KMS key.",
    severity: "high",
    controls: ["hipaa:164.312(a)(2)(iv)", "gdpr:art32"],
    remediationSteps:
      'Set `encryptionType: "KMS"` and `kmsKeyId` to the ARN of a customer-managed aws.kms.Key (not "alias/aws/kinesis") on the aws.kinesis.Stream.',
  },
  kinesis.Stream,
  (stream, { report }) => {
    if (stream.encryptionType !== "KMS") {
      report(
        `encryptionType is ${shown(stream.encryptionType)} (AWS defaults to "NONE"); expected "KMS" with a customer-managed key.`,
      );
      return;
    }
    if (stream.kmsKeyId === undefined) {
      report("kmsKeyId is not set; expected the ARN of a customer-managed KMS key.");
    } else if (isAwsManagedKey(stream.kmsKeyId)) {
      report(
        `kmsKeyId is ${shown(stream.kmsKeyId)}, an AWS managed key; expected a customer-managed KMS key.`,
      );
    }
  },
);
