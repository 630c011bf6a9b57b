import * as ecr from "@pulumi/aws/ecr";
import { resourcePolicy } from "../../lib/define";
import { checkEach, mustBeAwsCmk, shown } from "../../lib/conditions";

/**
 * Images can carry configuration and embedded data; ECR encrypts with AES256 unless KMS with a customer key is
 * chosen (Checkov CKV_AWS_136).
 * @severity low
 * @controls hipaa:164.312(a)(2)(iv), gdpr:art32
 */
export const awsEcrRepositoryEnableCmkEncryption = resourcePolicy(
  {
    name: "aws-ecr-repository-enable-cmk-encryption",
    description: "ECR repositories must encrypt images with a customer-managed KMS key.",
    severity: "low",
    controls: ["hipaa:164.312(a)(2)(iv)", "gdpr:art32"],
    remediationSteps:
      'Set `encryptionConfigurations: [{encryptionType: "KMS", kmsKey: <customer-managed key ARN>}]` on the aws.ecr.Repository.',
  },
  ecr.Repository,
  (repo, { report }) => {
    const config = (repo.encryptionConfigurations ?? [])[0];
    checkEach(report, [
      () =>
        config?.encryptionType === "KMS" || config?.encryptionType === "KMS_DSSE"
          ? mustBeAwsCmk(
              "encryptionConfigurations[0].kmsKey",
              config.kmsKey,
              "the AWS managed aws/ecr key",
            )
          : `encryptionConfigurations[0].encryptionType is ${shown(config?.encryptionType, "the provider default AES256")}; expected "KMS" with a customer-managed kmsKey.`,
    ]);
  },
);
