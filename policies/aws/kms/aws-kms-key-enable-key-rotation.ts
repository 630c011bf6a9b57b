import * as kms from "@pulumi/aws/kms";
import { resourcePolicy } from "../../lib/define";

/**
 * A KMS key that protects PHI rotates its key material automatically, so a leaked version decrypts only what it
 * encrypted before the next rotation.
 * @severity high
 * @controls hipaa:164.312(a)(2)(iv), gdpr:art32
 */
export const awsKmsKeyEnableKeyRotation = resourcePolicy(
  {
    name: "aws-kms-key-enable-key-rotation",
    description: "KMS keys must rotate their key material automatically.",
    severity: "high",
    controls: ["hipaa:164.312(a)(2)(iv)", "gdpr:art32"],
    remediationSteps:
      "Set `enableKeyRotation: true` (and `rotationPeriodInDays` from 90 to 365) on the aws.kms.Key.",
  },
  kms.Key,
  (key, { report }) => {
    const spec = key.customerMasterKeySpec ?? "SYMMETRIC_DEFAULT";
    if (spec !== "SYMMETRIC_DEFAULT") {
      // AWS rotates only symmetric keys; asymmetric and HMAC keys are rotated by replacing them.
      return;
    }
    if (key.enableKeyRotation !== true) {
      report(
        `Key rotation is ${key.enableKeyRotation === false ? "disabled" : "not set (AWS defaults to off)"}; set enableKeyRotation: true.`,
      );
    }
  },
);
