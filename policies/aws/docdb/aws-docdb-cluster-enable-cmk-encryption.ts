import * as docdb from "@pulumi/aws/docdb";
import { resourcePolicy } from "../../lib/define";
import { checkEach, mustBeAwsCmk, mustBeTrue } from "../../lib/conditions";

/**
 * Document stores hold whole patient records; DocumentDB storage is unencrypted unless storageEncrypted is set (the
 * provider default is false), and uses the aws/rds key unless one is named (AWS FSBP DocumentDB.1, Checkov
 * CKV_AWS_74/182).
 * @severity high
 * @controls hipaa:164.312(a)(2)(iv), gdpr:art32
 */
export const awsDocdbClusterEnableCmkEncryption = resourcePolicy(
  {
    name: "aws-docdb-cluster-enable-cmk-encryption",
    description: "DocumentDB clusters must encrypt storage with a customer-managed KMS key.",
    severity: "high",
    controls: ["hipaa:164.312(a)(2)(iv)", "gdpr:art32"],
    remediationSteps:
      "Set `storageEncrypted: true` and `kmsKeyId: <customer-managed key ARN>` on the aws.docdb.Cluster.",
  },
  docdb.Cluster,
  (cluster, { report }) =>
    checkEach(report, [
      () => mustBeTrue("storageEncrypted", cluster.storageEncrypted, "the provider default false"),
      () => mustBeAwsCmk("kmsKeyId", cluster.kmsKeyId, "the AWS managed aws/rds key"),
    ]),
);
