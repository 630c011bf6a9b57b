import * as neptune from "@pulumi/aws/neptune";
import { resourcePolicy } from "../../lib/define";
import { checkEach, mustBeAwsCmk, mustBeTrue } from "../../lib/conditions";

/**
 * Graph databases link patients, providers and encounters; Neptune storage is unencrypted unless storageEncrypted
 * is set (the provider default is false) (AWS FSBP Neptune.1, Checkov CKV_AWS_44).
 * @severity high
 * @controls hipaa:164.312(a)(2)(iv), gdpr:art32
 */
export const awsNeptuneClusterEnableCmkEncryption = resourcePolicy(
  {
    name: "aws-neptune-cluster-enable-cmk-encryption",
    description: "Neptune clusters must encrypt storage with a customer-managed KMS key.",
    severity: "high",
    controls: ["hipaa:164.312(a)(2)(iv)", "gdpr:art32"],
    remediationSteps:
      "Set `storageEncrypted: true` and `kmsKeyArn: <customer-managed key ARN>` on the aws.neptune.Cluster.",
  },
  neptune.Cluster,
  (cluster, { report }) =>
    checkEach(report, [
      () => mustBeTrue("storageEncrypted", cluster.storageEncrypted, "the provider default false"),
      () => mustBeAwsCmk("kmsKeyArn", cluster.kmsKeyArn, "the AWS managed aws/rds key"),
    ]),
);
