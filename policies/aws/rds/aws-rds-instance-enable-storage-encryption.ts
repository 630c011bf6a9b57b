import * as rds from "@pulumi/aws/rds";
import { resourcePolicy } from "../../lib/define";
import { checkStorageEncryption } from "../lib/rds";

/**
 * Database storage, snapshots and replicas hold PHI at rest; encryption must be on with a customer-managed key
 * so that restoring or sharing a snapshot stays under the platform's key policy.
 * @severity high
 * @controls hipaa:164.312(a)(2)(iv), gdpr:art32
 */
export const awsRdsInstanceEnableStorageEncryption = resourcePolicy(
  {
    name: "aws-rds-instance-enable-storage-encryption",
    description: "RDS instances must encrypt storage with a customer-managed KMS key.",
    severity: "high",
    controls: ["hipaa:164.312(a)(2)(iv)", "gdpr:art32"],
    remediationSteps:
      "Set `storageEncrypted: true` and `kmsKeyId: <customer-managed key ARN>` on the aws.rds.Instance (encryption cannot be added in place: restore from an encrypted snapshot copy).",
  },
  rds.Instance,
  checkStorageEncryption,
);
