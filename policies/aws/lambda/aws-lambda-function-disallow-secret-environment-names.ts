import * as lambda from "@pulumi/aws/lambda";
import { resourcePolicy } from "../../lib/define";
import { isSecretName } from "../lib/secrets";

/**
 * Environment variables are readable by anyone who can read the function's configuration and end up in
 * templates, state files and logs; secrets belong in Secrets Manager, fetched at run time.
 * @severity high
 * @controls hipaa:164.312(a)(1), gdpr:art32
 */
export const awsLambdaFunctionDisallowSecretEnvironmentNames = resourcePolicy(
  {
    name: "aws-lambda-function-disallow-secret-environment-names",
    description:
      "Lambda functions must not hold passwords, secrets, tokens, API keys or private keys in environment variables.",
    severity: "high",
    controls: ["hipaa:164.312(a)(1)", "gdpr:art32"],
    remediationSteps:
      "Move the value to an aws.secretsmanager.Secret, pass its ARN in a variable named `<NAME>_ARN` and read it at run time; remove the variable from `environment.variables` of the aws.lambda.Function.",
  },
  lambda.Function,
  (fn, { report }) => {
    // Only the names are read, so an unknown value elsewhere never makes this check indeterminate.
    const suspicious = Object.keys(fn.environment?.variables ?? {}).filter(isSecretName);
    if (suspicious.length > 0) {
      report(
        `environment.variables has secret-looking name(s) ${suspicious.join(", ")}; expected secrets in Secrets Manager, referenced by ARN.`,
      );
    }
  },
);
