import * as iam from "@pulumi/aws/iam";
import { resourcePolicy } from "../../lib/define";

/** AWS managed policies that grant administrator-equivalent access, or the power to grant it. */
const adminPolicies = ["AdministratorAccess", "PowerUserAccess", "IAMFullAccess"];

/**
 * Attaching AdministratorAccess (or PowerUserAccess, or IAMFullAccess, which can grant it) to a workload role
 * gives that workload every PHI store and key in the account.
 * @severity critical
 * @controls hipaa:164.312(a)(1), gdpr:art32
 */
export const awsIamRolePolicyAttachmentDisallowAdminPolicy = resourcePolicy(
  {
    name: "aws-iam-role-policy-attachment-disallow-admin-policy",
    description:
      "IAM roles must not have the AdministratorAccess, PowerUserAccess or IAMFullAccess managed policies attached.",
    severity: "critical",
    controls: ["hipaa:164.312(a)(1)", "gdpr:art32"],
    remediationSteps:
      "Replace `policyArn` of the aws.iam.RolePolicyAttachment with a least-privilege policy (an aws.iam.RolePolicy naming actions and resource ARNs).",
  },
  iam.RolePolicyAttachment,
  (attachment, { report }) => {
    const match = /^arn:aws[a-z-]*:iam::aws:policy\/(.+)$/.exec(attachment.policyArn);
    if (match && adminPolicies.includes(match[1])) {
      report(`policyArn is "${attachment.policyArn}"; expected a least-privilege policy.`);
    }
  },
);
