import * as sagemaker from "@pulumi/aws/sagemaker";
import { resourcePolicy } from "../../lib/define";
import { checkEach, mustBeAwsCmk } from "../../lib/conditions";

/**
 * The notebook's ML storage volume keeps the PHI pulled into it; without a named key it is encrypted with an AWS
 * managed key (Checkov CKV_AWS_22, cdk-nag HIPAA SageMakerNotebookInstanceKMSKeyConfigured).
 * @severity high
 * @controls hipaa:164.312(a)(2)(iv), gdpr:art32
 */
export const awsSagemakerNotebookInstanceEnableCmkEncryption = resourcePolicy(
  {
    name: "aws-sagemaker-notebook-instance-enable-cmk-encryption",
    description:
      "SageMaker notebook instances must encrypt their volume with a customer-managed KMS key.",
    severity: "high",
    controls: ["hipaa:164.312(a)(2)(iv)", "gdpr:art32"],
    remediationSteps:
      "Set `kmsKeyId: <customer-managed key ARN>` on the aws.sagemaker.NotebookInstance.",
  },
  sagemaker.NotebookInstance,
  (notebook, { report }) =>
    checkEach(report, [() => mustBeAwsCmk("kmsKeyId", notebook.kmsKeyId, "an AWS managed key")]),
);
