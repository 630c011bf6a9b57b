import * as apigateway from "@pulumi/aws/apigateway";
import { resourcePolicy } from "../../lib/define";

/**
 * Data trace logs full request and response bodies, which for a health API are PHI, into CloudWatch Logs.
 * @severity high
 * @controls gdpr:art25, gdpr:art5-1-f, hipaa:164.312(a)(1)
 */
export const awsApigatewayMethodSettingsDisableDataTrace = resourcePolicy(
  {
    name: "aws-apigateway-method-settings-disable-data-trace",
    description:
      "API Gateway method settings must not enable data trace (full request and response logging).",
    severity: "high",
    controls: ["gdpr:art25", "gdpr:art5-1-f", "hipaa:164.312(a)(1)"],
    remediationSteps:
      "Set `settings.dataTraceEnabled: false` (or leave it unset) on the aws.apigateway.MethodSettings.",
  },
  apigateway.MethodSettings,
  (methodSettings, { report }) => {
    if (methodSettings.settings.dataTraceEnabled === true) {
      report(
        `settings.dataTraceEnabled is true for method path "${methodSettings.methodPath}"; expected false.`,
      );
    }
  },
);
