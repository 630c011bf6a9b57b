import * as sagemaker from "@pulumi/aws/sagemaker";
import { resourcePolicy } from "../../lib/define";
import { checkEach, mustBeAwsCmk } from "../../lib/conditions";

/**
 * Endpoint instances hold the model and, with data capture on, the requests themselves; both need a
 * customer-managed key (Checkov CKV_AWS_98, cdk-nag HIPAA SageMakerEndpointConfigurationKMSKeyConfigured).
 * @severity high
 * @controls hipaa:164.312(a)(2)(iv), gdpr:art32
 */
export const awsSagemakerEndpointConfigurationEnableCmkEncryption = resourcePolicy(
  {
    name: "aws-sagemaker-endpoint-configuration-enable-cmk-encryption",
    description:
      "SageMaker endpoint configurations must encrypt storage (and captured data) with a customer-managed KMS key.",
    severity: "high",
    controls: ["hipaa:164.312(a)(2)(iv)", "gdpr:art32"],
    remediationSteps:
      "Set `kmsKeyArn: <customer-managed key ARN>` (and `dataCaptureConfig.kmsKeyId` when capture is on) on the aws.sagemaker.EndpointConfiguration.",
  },
  sagemaker.EndpointConfiguration,
  (config, { report }) =>
    checkEach(report, [
      () => mustBeAwsCmk("kmsKeyArn", config.kmsKeyArn, "an AWS managed key"),
      () =>
        config.dataCaptureConfig !== undefined && config.dataCaptureConfig.enableCapture !== false
          ? mustBeAwsCmk(
              "dataCaptureConfig.kmsKeyId",
              config.dataCaptureConfig.kmsKeyId,
              "the S3 default encryption",
            )
          : undefined,
    ]),
);
