import * as ssm from "@pulumi/aws/ssm";
import { resourcePolicy } from "../../lib/define";
import { checkEach, shown } from "../../lib/conditions";
import { isLiteralSecret, secretValueKind } from "../../lib/secret-values";

/**
 * A String parameter is stored and returned in clear text to anyone with ssm:GetParameter; a value that is a
 * credential (judged by its shape, or by a secret's name holding a literal) must be a SecureString (Checkov
 * CKV2_AWS_34).
 * @severity high
 * @controls hipaa:164.312(a)(2)(iv), hipaa:164.312(a)(1), gdpr:art32
 */
export const awsSsmParameterEnforceSecureString = resourcePolicy(
  {
    name: "aws-ssm-parameter-enforce-secure-string",
    description: "SSM parameters whose value is shaped like a secret must be of type SecureString.",
    severity: "high",
    controls: ["hipaa:164.312(a)(2)(iv)", "hipaa:164.312(a)(1)", "gdpr:art32"],
    remediationSteps:
      'Set `type: "SecureString"` and `keyId: <customer-managed key ARN>` on the aws.ssm.Parameter.',
  },
  ssm.Parameter,
  (param, { report }) =>
    checkEach(report, [
      () => {
        if (param.type === "SecureString") {
          return undefined;
        }
        const value = param.value ?? param.insecureValue;
        const named =
          typeof param.name === "string" &&
          isLiteralSecret(param.name.split("/").pop() ?? "", value);
        const kind = typeof value === "string" ? secretValueKind(value) : undefined;
        return named || kind !== undefined
          ? `type is ${shown(param.type)} but the value ${kind ? `looks like ${kind}` : "is a literal under a secret's name"}; expected "SecureString".`
          : undefined;
      },
    ]),
);
