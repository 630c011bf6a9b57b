import * as cognito from "@pulumi/aws/cognito";
import { resourcePolicy } from "../../lib/define";
import { shown } from "../lib/format";

/**
 * Distinct "user does not exist" errors let anyone test whether a person is a patient of the platform, which is
 * itself health information; the generic error keeps membership private by default.
 * @severity medium
 * @controls gdpr:art25, hipaa:164.312(d)
 */
export const awsCognitoUserPoolClientEnablePreventUserExistenceErrors = resourcePolicy(
  {
    name: "aws-cognito-user-pool-client-enable-prevent-user-existence-errors",
    description: "Cognito app clients must not reveal whether a user exists.",
    severity: "medium",
    controls: ["gdpr:art25", "hipaa:164.312(d)"],
    remediationSteps:
      'Set `preventUserExistenceErrors: "ENABLED"` on the aws.cognito.UserPoolClient.',
  },
  cognito.UserPoolClient,
  (client, { report }) => {
    if (client.preventUserExistenceErrors !== "ENABLED") {
      report(
        `preventUserExistenceErrors is ${shown(client.preventUserExistenceErrors)}; expected "ENABLED".`,
      );
    }
  },
);
