import * as ebs from "@pulumi/aws/ebs";
import { resourcePolicy } from "../../lib/define";

/**
 * Encryption by default makes every new volume and snapshot copy in the region encrypted even when the code that
 * creates it forgets to ask; declaring it disabled undoes that account-wide.
 * @severity high
 * @controls hipaa:164.312(a)(2)(iv), gdpr:art32
 */
export const awsEbsEncryptionByDefaultEnableEncryption = resourcePolicy(
  {
    name: "aws-ebs-encryption-by-default-enable-encryption",
    description: "EBS encryption by default must be enabled.",
    severity: "high",
    controls: ["hipaa:164.312(a)(2)(iv)", "gdpr:art32"],
    remediationSteps: "Set `enabled: true` (or leave it unset) on the aws.ebs.EncryptionByDefault.",
  },
  ebs.EncryptionByDefault,
  (setting, { report }) => {
    if (setting.enabled === false) {
      report("enabled is false; expected true.");
    }
  },
);
