import * as cognito from "@pulumi/aws/cognito";
import { resourcePolicy } from "../../lib/define";
import { tokenMinutes } from "../lib/cognito";
import { configOf } from "../lib/format";

/**
 * The refresh token decides how long a session lives without a new sign-in; AWS's default of 30 days keeps a lost
 * phone signed in to patient records for a month.
 * @severity medium
 * @controls hipaa:164.312(a)(2)(iii), hipaa:164.312(d)
 */
export const awsCognitoUserPoolClientConfigureRefreshTokenValidity = resourcePolicy(
  {
    name: "aws-cognito-user-pool-client-configure-refresh-token-validity",
    description:
      "Cognito app clients must set refresh tokens valid for at most the configured hours (24 by default).",
    severity: "medium",
    controls: ["hipaa:164.312(a)(2)(iii)", "hipaa:164.312(d)"],
    remediationSteps:
      'Set `refreshTokenValidity` (with `tokenValidityUnits: {refreshToken: "hours"}`) to 24 hours or less on the aws.cognito.UserPoolClient, and `enableTokenRevocation: true`.',
    configSchema: {
      properties: {
        maxRefreshTokenHours: {
          type: "integer",
          minimum: 1,
          maximum: 87600,
          default: 24,
          description: "Longest refresh token lifetime.",
        },
      },
    },
  },
  cognito.UserPoolClient,
  (client, { args, report }) => {
    const { maxRefreshTokenHours } = configOf(args, { maxRefreshTokenHours: 24 });
    if (client.refreshTokenValidity === undefined) {
      report(
        `refreshTokenValidity is not set (AWS defaults to 30 days); expected at most ${maxRefreshTokenHours} hours.`,
      );
      return;
    }
    const unit = client.tokenValidityUnits?.refreshToken ?? "days";
    const minutes = tokenMinutes(client.refreshTokenValidity, unit);
    if (minutes === undefined || minutes > maxRefreshTokenHours * 60) {
      report(
        `refreshTokenValidity is ${client.refreshTokenValidity} ${unit}; expected at most ${maxRefreshTokenHours} hours.`,
      );
    }
  },
);
