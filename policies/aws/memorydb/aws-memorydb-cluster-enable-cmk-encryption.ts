import * as memorydb from "@pulumi/aws/memorydb";
import { resourcePolicy } from "../../lib/define";
import { checkEach, mustBeAwsCmk } from "../../lib/conditions";

/**
 * MemoryDB is a durable primary database; its data and snapshots are encrypted with an AWS owned key unless a key
 * is named (Checkov CKV_AWS_202).
 * @severity high
 * @controls hipaa:164.312(a)(2)(iv), gdpr:art32
 */
export const awsMemorydbClusterEnableCmkEncryption = resourcePolicy(
  {
    name: "aws-memorydb-cluster-enable-cmk-encryption",
    description: "MemoryDB clusters must be encrypted at rest with a customer-managed KMS key.",
    severity: "high",
    controls: ["hipaa:164.312(a)(2)(iv)", "gdpr:art32"],
    remediationSteps: "Set `kmsKeyArn: <customer-managed key ARN>` on the aws.memorydb.Cluster.",
  },
  memorydb.Cluster,
  (cluster, { report }) =>
    checkEach(report, [() => mustBeAwsCmk("kmsKeyArn", cluster.kmsKeyArn, "an AWS owned key")]),
);
