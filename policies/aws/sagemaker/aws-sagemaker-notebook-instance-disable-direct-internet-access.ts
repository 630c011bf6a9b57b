import * as sagemaker from "@pulumi/aws/sagemaker";
import { resourcePolicy } from "../../lib/define";
import { checkEach, shown } from "../../lib/conditions";

/**
 * Notebooks load PHI for analysis; with direct internet access (the default Enabled) data can leave through any
 * package mirror or paste site, outside VPC controls (AWS FSBP SageMaker.2, Checkov CKV_AWS_122, cdk-nag HIPAA
 * SageMakerNotebookNoDirectInternetAccess).
 * @severity high
 * @controls hipaa:164.312(a)(1), hipaa:164.312(e)(1), gdpr:art32
 */
export const awsSagemakerNotebookInstanceDisableDirectInternetAccess = resourcePolicy(
  {
    name: "aws-sagemaker-notebook-instance-disable-direct-internet-access",
    description:
      "SageMaker notebook instances must disable direct internet access and run in a VPC subnet.",
    severity: "high",
    controls: ["hipaa:164.312(a)(1)", "hipaa:164.312(e)(1)", "gdpr:art32"],
    remediationSteps:
      'Set `directInternetAccess: "Disabled"`, `subnetId` and `securityGroups` on the aws.sagemaker.NotebookInstance.',
  },
  sagemaker.NotebookInstance,
  (notebook, { report }) =>
    checkEach(report, [
      () =>
        notebook.directInternetAccess === "Disabled"
          ? undefined
          : `directInternetAccess is ${shown(notebook.directInternetAccess, "the service default Enabled")}; expected "Disabled".`,
    ]),
);
