import * as lambda from "@pulumi/aws/lambda";
import { resourcePolicy } from "../../lib/define";
import { isSecretName, secretValueKind } from "../lib/secrets";

/**
 * A credential pasted into an innocently named variable (a private key, an access key id, a token) is as exposed
 * as one under a telling name; the values themselves are scanned for known secret formats.
 * @severity high
 * @controls hipaa:164.312(a)(1), gdpr:art32
 */
export const awsLambdaFunctionDisallowSecretEnvironmentValues = resourcePolicy(
  {
    name: "aws-lambda-function-disallow-secret-environment-values",
    description:
      "Lambda function environment variables must not contain values in a known secret format (private keys, AWS access keys, tokens).",
    severity: "high",
    controls: ["hipaa:164.312(a)(1)", "gdpr:art32"],
    remediationSteps:
      "Move the value to an aws.secretsmanager.Secret and read it at run time; remove it from `environment.variables` of the aws.lambda.Function.",
  },
  lambda.Function,
  (fn, { report }) => {
    const variables = fn.environment?.variables ?? {};
    // Names already reported by the name policy are skipped; every other value must be known to be cleared.
    for (const name of Object.keys(variables).filter((n) => !isSecretName(n))) {
      const value = variables[name];
      const kind = typeof value === "string" ? secretValueKind(value) : undefined;
      if (kind !== undefined) {
        report(
          `environment.variables.${name} holds what looks like ${kind}; expected no secret values in the environment.`,
        );
      }
    }
  },
);
