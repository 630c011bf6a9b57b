import * as apigateway from "@pulumi/aws/apigateway";
import { resourcePolicy } from "../../lib/define";

/**
 * A method with authorization NONE is open to anyone who finds the URL; an API key is not an identity. Only CORS
 * preflight (OPTIONS) methods may go without an authorizer.
 * @severity critical
 * @controls hipaa:164.312(a)(1), hipaa:164.312(d)
 */
export const awsApigatewayMethodEnforceAuthorization = resourcePolicy(
  {
    name: "aws-apigateway-method-enforce-authorization",
    description:
      "API Gateway REST methods must use an authorizer (AWS_IAM, COGNITO_USER_POOLS or CUSTOM), except OPTIONS preflight methods.",
    severity: "critical",
    controls: ["hipaa:164.312(a)(1)", "hipaa:164.312(d)"],
    remediationSteps:
      'Set `authorization: "COGNITO_USER_POOLS"` with `authorizerId` (or "AWS_IAM" / "CUSTOM") on the aws.apigateway.Method.',
  },
  apigateway.Method,
  (method, { report }) => {
    if (method.httpMethod === "OPTIONS") {
      return;
    }
    if (method.authorization === "NONE") {
      report(
        `Method ${method.httpMethod} has authorization "NONE"; expected "AWS_IAM", "COGNITO_USER_POOLS" or "CUSTOM".`,
      );
    }
  },
);
