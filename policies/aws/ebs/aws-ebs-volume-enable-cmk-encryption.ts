import * as ebs from "@pulumi/aws/ebs";
import { resourcePolicy } from "../../lib/define";
import { shown } from "../lib/format";

/**
 * Volumes and their snapshots hold whatever the instance wrote, PHI included; they must be encrypted with a
 * customer-managed key so sharing or copying a snapshot stays under the platform's key policy.
 * @severity high
 * @controls hipaa:164.312(a)(2)(iv), gdpr:art32
 */
export const awsEbsVolumeEnableCmkEncryption = resourcePolicy(
  {
    name: "aws-ebs-volume-enable-cmk-encryption",
    description: "EBS volumes must be encrypted with a customer-managed KMS key.",
    severity: "high",
    controls: ["hipaa:164.312(a)(2)(iv)", "gdpr:art32"],
    remediationSteps:
      "Set `encrypted: true` and `kmsKeyId: <customer-managed key ARN>` on the aws.ebs.Volume.",
  },
  ebs.Volume,
  (volume, { report }) => {
    if (volume.encrypted !== true) {
      report(
        `encrypted is ${shown(volume.encrypted)}; expected true with a customer-managed kmsKeyId.`,
      );
    } else if (volume.kmsKeyId === undefined) {
      report(
        "encrypted is true but kmsKeyId is not set (the AWS managed aws/ebs key); expected a customer-managed KMS key ARN.",
      );
    }
  },
);
