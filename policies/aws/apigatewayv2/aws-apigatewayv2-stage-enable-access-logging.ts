import * as apigatewayv2 from "@pulumi/aws/apigatewayv2";
import { resourcePolicy } from "../../lib/define";

/**
 * The access log is the record of who called which route and when: the audit trail of API access to PHI.
 * @severity medium
 * @controls hipaa:164.312(b), hipaa:164.308(a)(1)(ii)(D), gdpr:art33
 */
export const awsApigatewayv2StageEnableAccessLogging = resourcePolicy(
  {
    name: "aws-apigatewayv2-stage-enable-access-logging",
    description: "API Gateway v2 stages must write access logs.",
    severity: "medium",
    controls: ["hipaa:164.312(b)", "hipaa:164.308(a)(1)(ii)(D)", "gdpr:art33"],
    remediationSteps:
      "Set `accessLogSettings: {destinationArn: <encrypted log group ARN>, format: <JSON format with $context.requestId, $context.identity.sourceIp, $context.authorizer.claims.sub, $context.routeKey, $context.status>}` on the aws.apigatewayv2.Stage.",
  },
  apigatewayv2.Stage,
  (stage, { report }) => {
    if (stage.accessLogSettings?.destinationArn === undefined) {
      report("accessLogSettings is not set; expected a destinationArn and a format.");
    }
  },
);
