import * as ssm from "@pulumi/aws/ssm";
import { resourcePolicy } from "../../lib/define";
import { checkEach, mustBeAwsCmk } from "../../lib/conditions";

/**
 * SecureString parameters default to the AWS managed aws/ssm key, which every principal with ssm:GetParameter in
 * the account can use to decrypt; a customer-managed key adds a key policy.
 * @severity medium
 * @controls hipaa:164.312(a)(2)(iv), gdpr:art32
 */
export const awsSsmParameterEnableCmkEncryption = resourcePolicy(
  {
    name: "aws-ssm-parameter-enable-cmk-encryption",
    description: "SecureString SSM parameters must be encrypted with a customer-managed KMS key.",
    severity: "medium",
    controls: ["hipaa:164.312(a)(2)(iv)", "gdpr:art32"],
    remediationSteps:
      "Set `keyId: <customer-managed key ARN>` on the SecureString aws.ssm.Parameter.",
  },
  ssm.Parameter,
  (param, { report }) =>
    checkEach(report, [
      () =>
        param.type === "SecureString"
          ? mustBeAwsCmk("keyId", param.keyId, "the AWS managed aws/ssm key")
          : undefined,
    ]),
);
