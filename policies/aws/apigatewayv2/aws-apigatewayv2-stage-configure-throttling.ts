import * as apigatewayv2 from "@pulumi/aws/apigatewayv2";
import { resourcePolicy } from "../../lib/define";

/**
 * An unthrottled stage lets one client exhaust the account's API and Lambda capacity; stage limits keep the
 * clinical API available and slow down credential stuffing.
 * @severity low
 * @controls gdpr:art32, hipaa:164.308(a)(7)
 */
export const awsApigatewayv2StageConfigureThrottling = resourcePolicy(
  {
    name: "aws-apigatewayv2-stage-configure-throttling",
    description: "API Gateway v2 stages must set default throttling limits.",
    severity: "low",
    controls: ["gdpr:art32", "hipaa:164.308(a)(7)"],
    remediationSteps:
      "Set `defaultRouteSettings: {throttlingBurstLimit: <n>, throttlingRateLimit: <n>}` on the aws.apigatewayv2.Stage.",
  },
  apigatewayv2.Stage,
  (stage, { report }) => {
    const settings = stage.defaultRouteSettings;
    const missing = (["throttlingBurstLimit", "throttlingRateLimit"] as const).filter(
      (k) => settings?.[k] === undefined,
    );
    if (missing.length > 0) {
      report(
        `defaultRouteSettings.${missing.join(" and defaultRouteSettings.")} ${missing.length === 1 ? "is" : "are"} not set; expected both throttling limits.`,
      );
    }
  },
);
