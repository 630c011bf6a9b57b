import * as cloudtrail from "@pulumi/aws/cloudtrail";
import { resourcePolicy } from "../../lib/define";

/**
 * Trail logs record who touched which PHI resource; encrypting them with a customer-managed key keeps that record
 * readable only by the principals the key policy names.
 * @severity high
 * @controls hipaa:164.312(a)(2)(iv), gdpr:art32
 */
export const awsCloudtrailTrailEnableKmsEncryption = resourcePolicy(
  {
    name: "aws-cloudtrail-trail-enable-kms-encryption",
    description: "CloudTrail trails must encrypt log files with a customer-managed KMS key.",
    severity: "high",
    controls: ["hipaa:164.312(a)(2)(iv)", "gdpr:art32"],
    remediationSteps:
      "Set `kmsKeyId` to the ARN of a customer-managed aws.kms.Key on the aws.cloudtrail.Trail.",
  },
  cloudtrail.Trail,
  (trail, { report }) => {
    if (trail.kmsKeyId === undefined) {
      report("kmsKeyId is not set (SSE-S3 only); expected a customer-managed KMS key ARN.");
    }
  },
);
