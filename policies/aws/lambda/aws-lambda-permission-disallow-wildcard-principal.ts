import * as lambda from "@pulumi/aws/lambda";
import { resourcePolicy } from "../../lib/define";

/**
 * A permission for principal "*" lets any AWS account, or anyone on the internet through a function URL, invoke
 * the function and reach the data behind it.
 * @severity critical
 * @controls hipaa:164.312(a)(1), gdpr:art32
 */
export const awsLambdaPermissionDisallowWildcardPrincipal = resourcePolicy(
  {
    name: "aws-lambda-permission-disallow-wildcard-principal",
    description: "Lambda permissions must not grant invocation to the wildcard principal.",
    severity: "critical",
    controls: ["hipaa:164.312(a)(1)", "gdpr:art32"],
    remediationSteps:
      'Set `principal` on the aws.lambda.Permission to a service ("apigateway.amazonaws.com") or an account/role ARN, never "*".',
  },
  lambda.Permission,
  (permission, { report }) => {
    if (permission.principal === "*") {
      report('principal is "*"; expected a named service principal or account.');
    }
  },
);
