import * as lambda from "@pulumi/aws/lambda";
import { resourcePolicy } from "../../lib/define";
import { checkEach } from "../../lib/conditions";
import { isLiteralSecret } from "../lib/secrets";

/**
 * Environment variables are readable by anyone who can read the function's configuration and end up in
 * templates, state files and logs; secrets belong in Secrets Manager, fetched at run time. A variable named like a
 * secret is reported only when it holds a literal value: a Secrets Manager or SSM reference passes whatever the
 * variable is called, and each variable is judged on its own, so one unknown value hides no other.
 * @severity high
 * @controls hipaa:164.312(a)(1), gdpr:art32
 */
export const awsLambdaFunctionDisallowSecretEnvironmentNames = resourcePolicy(
  {
    name: "aws-lambda-function-disallow-secret-environment-names",
    description:
      "Lambda functions must not hold literal passwords, secrets, tokens, API keys or private keys in environment variables named for them.",
    severity: "high",
    controls: ["hipaa:164.312(a)(1)", "gdpr:art32"],
    remediationSteps:
      "Move the value to an aws.secretsmanager.Secret, pass its ARN (or a {{resolve:secretsmanager:...}} reference) instead and read it at run time; remove the literal from `environment.variables` of the aws.lambda.Function.",
  },
  lambda.Function,
  (fn, { report }) => {
    const variables = fn.environment?.variables ?? {};
    checkEach(
      report,
      Object.keys(variables).map(
        (name) => () =>
          isLiteralSecret(name, variables[name])
            ? `environment.variables.${name} is named like a secret and holds a literal value; expected a Secrets Manager or SSM reference.`
            : undefined,
      ),
    );
  },
);
