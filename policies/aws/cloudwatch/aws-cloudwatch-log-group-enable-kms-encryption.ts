import * as cloudwatch from "@pulumi/aws/cloudwatch";
import { resourcePolicy } from "../../lib/define";

/**
 * Application logs end up holding identifiers and fragments of requests despite every precaution; a
 * customer-managed key keeps them readable only by the key policy's principals.
 * @severity medium
 * @controls hipaa:164.312(a)(2)(iv), gdpr:art32
 */
export const awsCloudwatchLogGroupEnableKmsEncryption = resourcePolicy(
  {
    name: "aws-cloudwatch-log-group-enable-kms-encryption",
    description: "CloudWatch log groups must be encrypted with a customer-managed KMS key.",
    severity: "medium",
    controls: ["hipaa:164.312(a)(2)(iv)", "gdpr:art32"],
    remediationSteps:
      "Set `kmsKeyId` to the ARN of a customer-managed aws.kms.Key whose policy allows the logs.<region>.amazonaws.com principal, on the aws.cloudwatch.LogGroup.",
  },
  cloudwatch.LogGroup,
  (group, { report }) => {
    if (group.kmsKeyId === undefined) {
      report("kmsKeyId is not set; expected a customer-managed KMS key ARN.");
    }
  },
);
