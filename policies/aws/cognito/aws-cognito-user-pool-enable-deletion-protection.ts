import * as cognito from "@pulumi/aws/cognito";
import { resourcePolicy } from "../../lib/define";
import { shown } from "../lib/format";

/**
 * Deleting a user pool deletes every identity in it with no way back; deletion protection makes that a
 * deliberate two-step change instead of a side effect of a refactor.
 * @severity medium
 * @controls hipaa:164.308(a)(7), hipaa:164.312(c)(1)
 */
export const awsCognitoUserPoolEnableDeletionProtection = resourcePolicy(
  {
    name: "aws-cognito-user-pool-enable-deletion-protection",
    description: "Cognito user pools must have deletion protection active.",
    severity: "medium",
    controls: ["hipaa:164.308(a)(7)", "hipaa:164.312(c)(1)"],
    remediationSteps: 'Set `deletionProtection: "ACTIVE"` on the aws.cognito.UserPool.',
  },
  cognito.UserPool,
  (pool, { report }) => {
    if (pool.deletionProtection !== "ACTIVE") {
      report(
        `deletionProtection is ${shown(pool.deletionProtection)} (AWS defaults to "INACTIVE"); expected "ACTIVE".`,
      );
    }
  },
);
