import * as lambda from "@pulumi/aws/lambda";
import { resourcePolicy } from "../../lib/define";

/**
 * A function URL with authorization NONE is a public HTTPS endpoint: anyone who learns the URL can call the
 * function, with no identity recorded.
 * @severity critical
 * @controls hipaa:164.312(a)(1), hipaa:164.312(d)
 */
export const awsLambdaFunctionUrlEnforceIamAuth = resourcePolicy(
  {
    name: "aws-lambda-function-url-enforce-iam-auth",
    description: "Lambda function URLs must use AWS_IAM authorization.",
    severity: "critical",
    controls: ["hipaa:164.312(a)(1)", "hipaa:164.312(d)"],
    remediationSteps:
      'Set `authorizationType: "AWS_IAM"` on the aws.lambda.FunctionUrl, or put the function behind API Gateway with an authorizer.',
  },
  lambda.FunctionUrl,
  (url, { report }) => {
    if (url.authorizationType !== "AWS_IAM") {
      report(`authorizationType is ${JSON.stringify(url.authorizationType)}; expected "AWS_IAM".`);
    }
  },
);
