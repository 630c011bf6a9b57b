import * as iam from "@pulumi/aws/iam";
import { resourcePolicy } from "../../lib/define";
import { parsePolicyDocument, wildcardPrincipalStatements } from "../../lib/iam";

/**
 * A trust policy that lets principal "*" assume the role hands its permissions to every AWS account, unless a
 * condition narrows it to the platform's own account or organisation.
 * @severity critical
 * @controls hipaa:164.312(a)(1), hipaa:164.312(d), gdpr:art32
 */
export const awsIamRoleDisallowWildcardPrincipal = resourcePolicy(
  {
    name: "aws-iam-role-disallow-wildcard-principal",
    description:
      "IAM role trust policies must not allow a wildcard principal without an account or organisation condition.",
    severity: "critical",
    controls: ["hipaa:164.312(a)(1)", "hipaa:164.312(d)", "gdpr:art32"],
    remediationSteps:
      "Name the trusted service, account or role in `assumeRolePolicy` of the aws.iam.Role, or add a condition on aws:PrincipalAccount, aws:SourceAccount or aws:PrincipalOrgID.",
  },
  iam.Role,
  (role, { report }) => {
    const document = parsePolicyDocument(role.assumeRolePolicy);
    if (document === undefined) {
      report("The assume role policy is not valid JSON, so its principals cannot be verified.");
      return;
    }
    for (const sid of wildcardPrincipalStatements(document)) {
      report(
        `Trust policy statement ${sid} allows principal "*" without an account or organisation condition.`,
      );
    }
  },
);
