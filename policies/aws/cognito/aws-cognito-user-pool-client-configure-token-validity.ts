import * as cognito from "@pulumi/aws/cognito";
import { resourcePolicy } from "../../lib/define";
import { tokenMinutes } from "../lib/cognito";
import { configOf } from "../lib/format";

/**
 * Access and ID tokens cannot be revoked before they expire; keeping them short is the automatic log-off of an API
 * session, so a stolen token opens patient data for minutes, not a day.
 * @severity medium
 * @controls hipaa:164.312(a)(2)(iii), gdpr:art32
 */
export const awsCognitoUserPoolClientConfigureTokenValidity = resourcePolicy(
  {
    name: "aws-cognito-user-pool-client-configure-token-validity",
    description:
      "Cognito app clients must issue access and ID tokens valid for at most the configured minutes (60 by default).",
    severity: "medium",
    controls: ["hipaa:164.312(a)(2)(iii)", "gdpr:art32"],
    remediationSteps:
      'Set `accessTokenValidity` and `idTokenValidity` (with `tokenValidityUnits: {accessToken: "minutes", idToken: "minutes"}`) to 60 minutes or less on the aws.cognito.UserPoolClient.',
    configSchema: {
      properties: {
        maxTokenMinutes: {
          type: "integer",
          minimum: 5,
          maximum: 1440,
          default: 60,
          description: "Longest access or ID token lifetime.",
        },
      },
    },
  },
  cognito.UserPoolClient,
  (client, { args, report }) => {
    const { maxTokenMinutes } = configOf(args, { maxTokenMinutes: 60 });
    const tokens = [
      {
        name: "accessToken",
        value: client.accessTokenValidity,
        unit: client.tokenValidityUnits?.accessToken,
      },
      { name: "idToken", value: client.idTokenValidity, unit: client.tokenValidityUnits?.idToken },
    ];
    for (const t of tokens) {
      const unit = t.unit ?? "hours";
      const minutes = tokenMinutes(t.value ?? 1, unit);
      const received =
        t.value === undefined ? "not set (AWS defaults to 1 hour)" : `${t.value} ${unit}`;
      if (minutes === undefined || minutes > maxTokenMinutes) {
        report(`${t.name} validity is ${received}; expected at most ${maxTokenMinutes} minutes.`);
      }
    }
  },
);
