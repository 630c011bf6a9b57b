import * as iam from "@pulumi/aws/iam";
import { resourcePolicy } from "../../lib/define";
import { adminStatements, grantsCheck } from "../lib/statements";

/**
 * An identity that may do anything on anything can read every PHI store, disable the audit trail and delete the
 * keys; least privilege starts with no administrator grants in workload policies.
 * @severity critical
 * @controls hipaa:164.312(a)(1), gdpr:art32
 */
export const awsIamPolicyDisallowAdminAccess = resourcePolicy(
  {
    name: "aws-iam-policy-disallow-admin-access",
    description: "IAM managed policies must not allow every action on every resource.",
    severity: "critical",
    controls: ["hipaa:164.312(a)(1)", "gdpr:art32"],
    remediationSteps:
      'Replace Action "*" (or NotAction) on Resource "*" in the aws.iam.Policy with the named actions the workload needs on the named resource ARNs.',
  },
  iam.Policy,
  grantsCheck(adminStatements),
);
