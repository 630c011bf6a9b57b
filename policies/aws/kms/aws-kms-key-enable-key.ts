import * as kms from "@pulumi/aws/kms";
import { resourcePolicy } from "../../lib/define";

/**
 * A disabled key makes every record it protects unreadable; disabling one is crypto-shredding and belongs in an
 * erasure procedure with a suppression that says so, not in an ordinary change.
 * @severity medium
 * @controls hipaa:164.308(a)(7), gdpr:art32
 */
export const awsKmsKeyEnableKey = resourcePolicy(
  {
    name: "aws-kms-key-enable-key",
    description: "KMS keys must be enabled.",
    severity: "medium",
    controls: ["hipaa:164.308(a)(7)", "gdpr:art32"],
    remediationSteps: "Set `isEnabled: true` (or leave it unset) on the aws.kms.Key.",
  },
  kms.Key,
  (key, { report }) => {
    if (key.isEnabled === false) {
      report("isEnabled is false; expected true (a disabled key makes its data unreadable).");
    }
  },
);
