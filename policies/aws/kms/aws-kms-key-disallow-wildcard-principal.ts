import * as kms from "@pulumi/aws/kms";
import { resourcePolicy } from "../../lib/define";
import { parsePolicyDocument, wildcardPrincipalStatements } from "../../lib/iam";

/**
 * A key policy that allows `*` as principal lets any AWS account use the key unless every such statement is
 * narrowed by a condition on the caller's account or organisation.
 * @severity critical
 * @controls hipaa:164.312(a)(1), gdpr:art32
 */
export const awsKmsKeyDisallowWildcardPrincipal = resourcePolicy(
  {
    name: "aws-kms-key-disallow-wildcard-principal",
    description:
      "KMS key policies must not allow a wildcard principal without an account or organisation condition.",
    severity: "critical",
    controls: ["hipaa:164.312(a)(1)", "gdpr:art32"],
    remediationSteps:
      "Name the principals in each Allow statement of the `policy` of the aws.kms.Key (for example arn:aws:iam::<account>:root or a role ARN), or add a condition on aws:PrincipalAccount, aws:SourceAccount or aws:PrincipalOrgID.",
  },
  kms.Key,
  (key, { report }) => {
    if (key.policy === undefined) {
      // Without a policy AWS applies its default key policy, which names the account root only.
      return;
    }
    const document = parsePolicyDocument(key.policy);
    if (document === undefined) {
      report("The key policy is not valid JSON, so its principals cannot be verified.");
      return;
    }
    for (const sid of wildcardPrincipalStatements(document)) {
      report(
        `Key policy statement ${sid} allows principal "*" without an account or organisation condition.`,
      );
    }
  },
);
