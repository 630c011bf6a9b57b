import * as apigatewayv2 from "@pulumi/aws/apigatewayv2";
import { resourcePolicy } from "../../lib/define";

/**
 * A CORS origin of "*" lets any web page call the API from a signed-in user's browser and read the response; the
 * allowed origins of a health API are the platform's own front ends, named one by one.
 * @severity high
 * @controls hipaa:164.312(a)(1), gdpr:art25
 */
export const awsApigatewayv2ApiDisallowWildcardCorsOrigin = resourcePolicy(
  {
    name: "aws-apigatewayv2-api-disallow-wildcard-cors-origin",
    description: 'API Gateway v2 APIs must not allow the CORS origin "*".',
    severity: "high",
    controls: ["hipaa:164.312(a)(1)", "gdpr:art25"],
    remediationSteps:
      'List the platform\'s own origins (for example "https://app.example.org") in `corsConfiguration.allowOrigins` of the aws.apigatewayv2.Api instead of "*".',
  },
  apigatewayv2.Api,
  (api, { report }) => {
    const origins = api.corsConfiguration?.allowOrigins ?? [];
    if (origins.includes("*")) {
      report(
        `corsConfiguration.allowOrigins is ${JSON.stringify(origins)}; expected named origins, no "*".`,
      );
    }
  },
);
