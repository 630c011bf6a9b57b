import * as apigateway from "@pulumi/aws/apigateway";
import { resourcePolicy } from "../../lib/define";

/**
 * The access log is the record of who called which resource and when: the audit trail of API access to PHI.
 * @severity medium
 * @controls hipaa:164.312(b), hipaa:164.308(a)(1)(ii)(D), gdpr:art33
 */
export const awsApigatewayStageEnableAccessLogging = resourcePolicy(
  {
    name: "aws-apigateway-stage-enable-access-logging",
    description: "API Gateway REST stages must write access logs.",
    severity: "medium",
    controls: ["hipaa:164.312(b)", "hipaa:164.308(a)(1)(ii)(D)", "gdpr:art33"],
    remediationSteps:
      "Set `accessLogSettings: {destinationArn: <encrypted log group ARN>, format: <JSON format>}` on the aws.apigateway.Stage.",
  },
  apigateway.Stage,
  (stage, { report }) => {
    if (stage.accessLogSettings?.destinationArn === undefined) {
      report("accessLogSettings is not set; expected a destinationArn and a format.");
    }
  },
);
