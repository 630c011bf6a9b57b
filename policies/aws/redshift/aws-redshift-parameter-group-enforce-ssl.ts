import * as redshift from "@pulumi/aws/redshift";
import { resourcePolicy } from "../../lib/define";
import { checkEach } from "../../lib/conditions";

/**
 * Redshift accepts unencrypted client connections unless `require_ssl` is true in the cluster's parameter group;
 * the service default is false (AWS FSBP Redshift.2, Checkov CKV_AWS_105).
 * @severity high
 * @controls hipaa:164.312(e)(1), hipaa:164.312(e)(2)(ii), gdpr:art32
 */
export const awsRedshiftParameterGroupEnforceSsl = resourcePolicy(
  {
    name: "aws-redshift-parameter-group-enforce-ssl",
    description: 'Redshift parameter groups must set "require_ssl" to true.',
    severity: "high",
    controls: ["hipaa:164.312(e)(1)", "hipaa:164.312(e)(2)(ii)", "gdpr:art32"],
    remediationSteps:
      'Add `{name: "require_ssl", value: "true"}` to the parameters of the aws.redshift.ParameterGroup.',
  },
  redshift.ParameterGroup,
  (group, { report }) =>
    checkEach(report, [
      () => {
        const requireSsl = (group.parameters ?? []).find((p) => p.name === "require_ssl");
        if (requireSsl === undefined) {
          return 'parameter require_ssl is not set (the service default false: plaintext connections accepted); expected "true".';
        }
        return String(requireSsl.value).toLowerCase() === "true"
          ? undefined
          : `parameter require_ssl is ${JSON.stringify(requireSsl.value)}; expected "true".`;
      },
    ]),
);
