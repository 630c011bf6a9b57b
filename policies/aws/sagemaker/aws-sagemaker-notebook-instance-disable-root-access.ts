import * as sagemaker from "@pulumi/aws/sagemaker";
import { resourcePolicy } from "../../lib/define";
import { checkEach, shown } from "../../lib/conditions";

/**
 * Root on the notebook lets a user change its network and logging configuration and read other users' files (AWS
 * FSBP SageMaker.3).
 * @severity medium
 * @controls hipaa:164.312(a)(1), gdpr:art32
 */
export const awsSagemakerNotebookInstanceDisableRootAccess = resourcePolicy(
  {
    name: "aws-sagemaker-notebook-instance-disable-root-access",
    description: "SageMaker notebook instances must disable root access.",
    severity: "medium",
    controls: ["hipaa:164.312(a)(1)", "gdpr:art32"],
    remediationSteps: 'Set `rootAccess: "Disabled"` on the aws.sagemaker.NotebookInstance.',
  },
  sagemaker.NotebookInstance,
  (notebook, { report }) =>
    checkEach(report, [
      () =>
        notebook.rootAccess === "Disabled"
          ? undefined
          : `rootAccess is ${shown(notebook.rootAccess, "the service default Enabled")}; expected "Disabled".`,
    ]),
);
