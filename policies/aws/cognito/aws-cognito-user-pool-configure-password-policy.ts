import * as cognito from "@pulumi/aws/cognito";
import { resourcePolicy } from "../../lib/define";
import { configOf, shown } from "../lib/format";

/**
 * Short or single-class passwords fall to guessing and credential stuffing; a long password that mixes every
 * character class is the floor for accounts that open patient records.
 * @severity high
 * @controls hipaa:164.312(d), gdpr:art32
 */
export const awsCognitoUserPoolConfigurePasswordPolicy = resourcePolicy(
  {
    name: "aws-cognito-user-pool-configure-password-policy",
    description:
      "Cognito user pools must require passwords of at least the configured length (14 by default) with lowercase, uppercase, numbers and symbols.",
    severity: "high",
    controls: ["hipaa:164.312(d)", "gdpr:art32"],
    remediationSteps:
      "Set `passwordPolicy: {minimumLength: 14, requireLowercase: true, requireUppercase: true, requireNumbers: true, requireSymbols: true}` on the aws.cognito.UserPool.",
    configSchema: {
      properties: {
        minimumLength: {
          type: "integer",
          minimum: 8,
          maximum: 99,
          default: 14,
          description: "Shortest password allowed.",
        },
      },
    },
  },
  cognito.UserPool,
  (pool, { args, report }) => {
    const { minimumLength } = configOf(args, { minimumLength: 14 });
    const policy = pool.passwordPolicy;
    if (policy === undefined) {
      report(
        `passwordPolicy is not set (AWS defaults to 8 characters); expected minimumLength >= ${minimumLength} and every character class required.`,
      );
      return;
    }
    const length = policy.minimumLength ?? 8;
    if (length < minimumLength) {
      report(
        `passwordPolicy.minimumLength is ${shown(policy.minimumLength)}${policy.minimumLength === undefined ? " (8 by default)" : ""}; expected at least ${minimumLength}.`,
      );
    }
    const classes = [
      "requireLowercase",
      "requireUppercase",
      "requireNumbers",
      "requireSymbols",
    ] as const;
    const missing = classes.filter((c) => policy[c] !== true);
    if (missing.length > 0) {
      report(
        `passwordPolicy does not set ${missing.map((c) => `${c}: true`).join(", ")}; expected every character class required.`,
      );
    }
  },
);
