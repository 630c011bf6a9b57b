import * as sns from "@pulumi/aws/sns";
import { resourcePolicy } from "../../lib/define";
import { parsePolicyDocument, wildcardPrincipalStatements } from "../../lib/iam";

/**
 * A topic policy that allows principal "*" lets any AWS account publish to or subscribe to the topic, and so
 * receive the notifications about patients it carries, unless a condition pins the caller.
 * @severity critical
 * @controls hipaa:164.312(a)(1), gdpr:art32
 */
export const awsSnsTopicPolicyDisallowWildcardPrincipal = resourcePolicy(
  {
    name: "aws-sns-topic-policy-disallow-wildcard-principal",
    description:
      "SNS topic policies must not allow a wildcard principal without an account, organisation or source condition.",
    severity: "critical",
    controls: ["hipaa:164.312(a)(1)", "gdpr:art32"],
    remediationSteps:
      "Name the principals in every Allow statement of the `policy` of the aws.sns.TopicPolicy (or a service principal with an aws:SourceArn condition), or add a condition on aws:PrincipalAccount, aws:SourceAccount or aws:PrincipalOrgID.",
  },
  sns.TopicPolicy,
  (resource, { report }) => {
    const document = parsePolicyDocument(resource.policy);
    if (document === undefined) {
      report("The topic policy is not valid JSON, so its principals cannot be verified.");
      return;
    }
    for (const sid of wildcardPrincipalStatements(document)) {
      report(
        `Topic policy statement ${sid} allows principal "*" without an account, organisation or source condition.`,
      );
    }
  },
);
