import * as lambda from "@pulumi/aws/lambda";
import { resourcePolicy } from "../../lib/define";
import { checkEach } from "../../lib/conditions";
import { isLiteralSecret, secretValueKind } from "../lib/secrets";

/**
 * A credential pasted into an innocently named variable (a private key, an access key id, a token, a database URL
 * with its password, a generated key) is as exposed as one under a telling name; the values themselves are judged
 * by their shape. Each variable is judged on its own, so one unknown value hides no other.
 * @severity high
 * @controls hipaa:164.312(a)(1), gdpr:art32
 */
export const awsLambdaFunctionDisallowSecretEnvironmentValues = resourcePolicy(
  {
    name: "aws-lambda-function-disallow-secret-environment-values",
    description:
      "Lambda function environment variables must not contain values shaped like secrets (private keys, access keys, tokens, credentials in URLs, high-entropy keys).",
    severity: "high",
    controls: ["hipaa:164.312(a)(1)", "gdpr:art32"],
    remediationSteps:
      "Move the value to an aws.secretsmanager.Secret and read it at run time; remove it from `environment.variables` of the aws.lambda.Function.",
  },
  lambda.Function,
  (fn, { report }) => {
    const variables = fn.environment?.variables ?? {};
    checkEach(
      report,
      Object.keys(variables).map((name) => () => {
        const value = variables[name];
        // A literal under a secret's name is the name policy's finding; reporting it twice adds nothing.
        const kind =
          typeof value === "string" && !isLiteralSecret(name, value)
            ? secretValueKind(value)
            : undefined;
        return kind === undefined
          ? undefined
          : `environment.variables.${name} holds what looks like ${kind}; expected no secret values in the environment.`;
      }),
    );
  },
);
