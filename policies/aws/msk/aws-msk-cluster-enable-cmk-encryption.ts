import * as msk from "@pulumi/aws/msk";
import { resourcePolicy } from "../../lib/define";
import { checkEach, mustBeAwsCmk } from "../../lib/conditions";

/**
 * Kafka topics buffer every event that flows through them, PHI included; MSK encrypts broker storage with the AWS
 * managed aws/kafka key unless a key is named (Checkov CKV_AWS_81).
 * @severity high
 * @controls hipaa:164.312(a)(2)(iv), gdpr:art32
 */
export const awsMskClusterEnableCmkEncryption = resourcePolicy(
  {
    name: "aws-msk-cluster-enable-cmk-encryption",
    description: "MSK clusters must encrypt data at rest with a customer-managed KMS key.",
    severity: "high",
    controls: ["hipaa:164.312(a)(2)(iv)", "gdpr:art32"],
    remediationSteps:
      "Set `encryptionInfo.encryptionAtRestKmsKeyArn: <customer-managed key ARN>` on the aws.msk.Cluster.",
  },
  msk.Cluster,
  (cluster, { report }) =>
    checkEach(report, [
      () =>
        mustBeAwsCmk(
          "encryptionInfo.encryptionAtRestKmsKeyArn",
          cluster.encryptionInfo?.encryptionAtRestKmsKeyArn,
          "the AWS managed aws/kafka key",
        ),
    ]),
);
