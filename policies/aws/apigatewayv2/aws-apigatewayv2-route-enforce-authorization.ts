import * as apigatewayv2 from "@pulumi/aws/apigatewayv2";
import { resourcePolicy } from "../../lib/define";
import { shown } from "../lib/format";

/**
 * A route without an authorizer is open to anyone on the internet; only CORS preflight (OPTIONS) routes, which
 * browsers send without credentials, may go without one.
 * @severity critical
 * @controls hipaa:164.312(a)(1), hipaa:164.312(d)
 */
export const awsApigatewayv2RouteEnforceAuthorization = resourcePolicy(
  {
    name: "aws-apigatewayv2-route-enforce-authorization",
    description:
      "API Gateway v2 routes must use an authorizer (JWT, AWS_IAM or CUSTOM), except OPTIONS preflight routes.",
    severity: "critical",
    controls: ["hipaa:164.312(a)(1)", "hipaa:164.312(d)"],
    remediationSteps:
      'Set `authorizationType: "JWT"` with `authorizerId` (or "AWS_IAM" / "CUSTOM") on the aws.apigatewayv2.Route.',
  },
  apigatewayv2.Route,
  (route, { report }) => {
    if (route.routeKey.startsWith("OPTIONS ")) {
      return;
    }
    const type = route.authorizationType;
    if (type === undefined || type === "NONE") {
      report(
        `Route "${route.routeKey}" has authorizationType ${shown(type)}; expected "JWT", "AWS_IAM" or "CUSTOM".`,
      );
    }
  },
);
