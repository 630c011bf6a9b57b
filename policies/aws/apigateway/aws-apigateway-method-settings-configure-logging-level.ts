import * as apigateway from "@pulumi/aws/apigateway";
import { resourcePolicy } from "../../lib/define";
import { shown } from "../lib/format";

/**
 * Execution logs at ERROR or INFO record authorizer decisions and integration failures, the trail an
 * investigation of API access needs (without bodies, which data trace would add).
 * @severity medium
 * @controls hipaa:164.312(b), hipaa:164.308(a)(1)(ii)(D)
 */
export const awsApigatewayMethodSettingsConfigureLoggingLevel = resourcePolicy(
  {
    name: "aws-apigateway-method-settings-configure-logging-level",
    description: "API Gateway method settings must set execution logging to ERROR or INFO.",
    severity: "medium",
    controls: ["hipaa:164.312(b)", "hipaa:164.308(a)(1)(ii)(D)"],
    remediationSteps:
      'Set `settings.loggingLevel: "ERROR"` (or "INFO") on the aws.apigateway.MethodSettings.',
  },
  apigateway.MethodSettings,
  (methodSettings, { report }) => {
    const level = methodSettings.settings.loggingLevel;
    if (level !== "ERROR" && level !== "INFO") {
      report(`settings.loggingLevel is ${shown(level)}; expected "ERROR" or "INFO".`);
    }
  },
);
