import * as sqs from "@pulumi/aws/sqs";
import { resourcePolicy } from "../../lib/define";
import { parsePolicyDocument, wildcardPrincipalStatements } from "../../lib/iam";

/**
 * A queue policy that allows principal "*" lets any AWS account send to or read from the queue, and the messages
 * carry PHI; a wildcard is acceptable only when a condition pins the caller to the platform's account or resource.
 * @severity critical
 * @controls hipaa:164.312(a)(1), gdpr:art32
 */
export const awsSqsQueuePolicyDisallowWildcardPrincipal = resourcePolicy(
  {
    name: "aws-sqs-queue-policy-disallow-wildcard-principal",
    description:
      "SQS queue policies must not allow a wildcard principal without an account, organisation or source condition.",
    severity: "critical",
    controls: ["hipaa:164.312(a)(1)", "gdpr:art32"],
    remediationSteps:
      "Name the principals in every Allow statement of the `policy` of the aws.sqs.QueuePolicy (or a service principal with an aws:SourceArn condition), or add a condition on aws:PrincipalAccount, aws:SourceAccount or aws:PrincipalOrgID.",
  },
  sqs.QueuePolicy,
  (resource, { report }) => {
    const document = parsePolicyDocument(resource.policy);
    if (document === undefined) {
      report("The queue policy is not valid JSON, so its principals cannot be verified.");
      return;
    }
    for (const sid of wildcardPrincipalStatements(document)) {
      report(
        `Queue policy statement ${sid} allows principal "*" without an account, organisation or source condition.`,
      );
    }
  },
);
