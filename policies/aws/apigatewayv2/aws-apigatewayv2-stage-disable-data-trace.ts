import * as apigatewayv2 from "@pulumi/aws/apigatewayv2";
import { resourcePolicy } from "../../lib/define";

/**
 * Data trace writes full request and response bodies to CloudWatch Logs: every FHIR resource and vital sign sent
 * through the API would be copied into logs with a six-year retention. No scanner checks this for HTTP APIs.
 * @severity high
 * @controls gdpr:art25, gdpr:art5-1-f, hipaa:164.312(a)(1)
 */
export const awsApigatewayv2StageDisableDataTrace = resourcePolicy(
  {
    name: "aws-apigatewayv2-stage-disable-data-trace",
    description:
      "API Gateway v2 stages must not enable data trace (full request and response logging).",
    severity: "high",
    controls: ["gdpr:art25", "gdpr:art5-1-f", "hipaa:164.312(a)(1)"],
    remediationSteps:
      "Set `dataTraceEnabled: false` (or leave it unset) in `defaultRouteSettings` and every `routeSettings` entry of the aws.apigatewayv2.Stage.",
  },
  apigatewayv2.Stage,
  (stage, { report }) => {
    if (stage.defaultRouteSettings?.dataTraceEnabled === true) {
      report("defaultRouteSettings.dataTraceEnabled is true; expected false.");
    }
    for (const route of stage.routeSettings ?? []) {
      if (route.dataTraceEnabled === true) {
        report(`routeSettings for "${route.routeKey}" has dataTraceEnabled true; expected false.`);
      }
    }
  },
);
