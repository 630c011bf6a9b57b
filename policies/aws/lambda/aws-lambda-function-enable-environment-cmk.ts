import * as lambda from "@pulumi/aws/lambda";
import { resourcePolicy } from "../../lib/define";

/**
 * Environment variables hold table names, endpoints and sometimes identifiers; encrypting them with a
 * customer-managed key limits who can read them to the key policy's principals.
 * @severity medium
 * @controls hipaa:164.312(a)(2)(iv), gdpr:art32
 */
export const awsLambdaFunctionEnableEnvironmentCmk = resourcePolicy(
  {
    name: "aws-lambda-function-enable-environment-cmk",
    description:
      "Lambda functions with environment variables must encrypt them with a customer-managed KMS key.",
    severity: "medium",
    controls: ["hipaa:164.312(a)(2)(iv)", "gdpr:art32"],
    remediationSteps:
      "Set `kmsKeyArn` to the ARN of a customer-managed aws.kms.Key on the aws.lambda.Function.",
  },
  lambda.Function,
  (fn, { report }) => {
    const names = Object.keys(fn.environment?.variables ?? {});
    if (names.length > 0 && fn.kmsKeyArn === undefined) {
      report(
        `The function has ${names.length} environment variable(s) and kmsKeyArn is not set; expected a customer-managed KMS key ARN.`,
      );
    }
  },
);
