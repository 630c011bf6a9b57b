import * as cognito from "@pulumi/aws/cognito";
import { resourcePolicy } from "../../lib/define";

/**
 * Without the server-side token check, a user who signed out or was disabled can still exchange a token that has
 * not expired for AWS credentials.
 * @severity medium
 * @controls hipaa:164.312(d), hipaa:164.312(a)(2)(iii)
 */
export const awsCognitoIdentityPoolEnableServerSideTokenCheck = resourcePolicy(
  {
    name: "aws-cognito-identity-pool-enable-server-side-token-check",
    description:
      "Cognito identity pools must check user pool tokens server-side for every Cognito provider.",
    severity: "medium",
    controls: ["hipaa:164.312(d)", "hipaa:164.312(a)(2)(iii)"],
    remediationSteps:
      "Set `serverSideTokenCheck: true` on every entry of `cognitoIdentityProviders` of the aws.cognito.IdentityPool.",
  },
  cognito.IdentityPool,
  (pool, { report }) => {
    (pool.cognitoIdentityProviders ?? []).forEach((provider, i) => {
      if (provider.serverSideTokenCheck !== true) {
        report(
          `cognitoIdentityProviders[${i}].serverSideTokenCheck is ${provider.serverSideTokenCheck === false ? "false" : "not set"}; expected true.`,
        );
      }
    });
  },
);
