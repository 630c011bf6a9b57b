import * as iam from "@pulumi/aws/iam";
import { resourcePolicy } from "../../lib/define";
import { chimeWildcardStatements, grantsCheck } from "../lib/statements";

/**
 * The Chime SDK reference demo grants chime actions on Resource "*", so the meeting service could join, read or end
 * any meeting in the account; meeting permissions must be scoped to meeting ARNs. No scanner checks this.
 * @severity high
 * @controls hipaa:164.312(a)(1), gdpr:art32
 */
export const awsIamRolePolicyDisallowChimeWildcardResource = resourcePolicy(
  {
    name: "aws-iam-role-policy-disallow-chime-wildcard-resource",
    description:
      'IAM role inline policies must not allow chime:* nor Chime SDK actions on Resource "*".',
    severity: "high",
    controls: ["hipaa:164.312(a)(1)", "gdpr:art32"],
    remediationSteps:
      'In the aws.iam.RolePolicy, list the meeting actions (chime:CreateMeeting, chime:CreateAttendee, chime:GetMeeting, chime:DeleteMeeting, ...) on "arn:aws:chime:<region>:<account>:meeting/*" instead of "*".',
  },
  iam.RolePolicy,
  grantsCheck(chimeWildcardStatements),
);
