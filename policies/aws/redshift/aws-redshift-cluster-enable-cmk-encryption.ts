import * as redshift from "@pulumi/aws/redshift";
import { resourcePolicy } from "../../lib/define";
import { checkEach, mustBeAwsCmk, shown } from "../../lib/conditions";

/**
 * Warehouses aggregate PHI from every source; Redshift encrypts by default now, but with an AWS managed key unless
 * one is named, and `encrypted: "false"` still turns it off (AWS FSBP Redshift.10, Checkov CKV_AWS_64/142).
 * @severity high
 * @controls hipaa:164.312(a)(2)(iv), gdpr:art32
 */
export const awsRedshiftClusterEnableCmkEncryption = resourcePolicy(
  {
    name: "aws-redshift-cluster-enable-cmk-encryption",
    description: "Redshift clusters must be encrypted with a customer-managed KMS key.",
    severity: "high",
    controls: ["hipaa:164.312(a)(2)(iv)", "gdpr:art32"],
    remediationSteps:
      'Leave `encrypted` unset or "true" and set `kmsKeyId: <customer-managed key ARN>` on the aws.redshift.Cluster.',
  },
  redshift.Cluster,
  (cluster, { report }) =>
    checkEach(report, [
      () =>
        String(cluster.encrypted ?? "true") === "true"
          ? undefined
          : `encrypted is ${shown(cluster.encrypted)}; expected "true" (the provider default).`,
      () => mustBeAwsCmk("kmsKeyId", cluster.kmsKeyId, "the AWS managed aws/redshift key"),
    ]),
);
