import * as apigateway from "@pulumi/aws/apigateway";
import { resourcePolicy } from "../../lib/define";
import { shown } from "../lib/format";

/**
 * X-Ray traces follow a request from the API through its Lambda and data stores, which is how access to a given
 * record is reconstructed after the fact.
 * @severity low
 * @controls hipaa:164.312(b), hipaa:164.308(a)(1)(ii)(D)
 */
export const awsApigatewayStageEnableXrayTracing = resourcePolicy(
  {
    name: "aws-apigateway-stage-enable-xray-tracing",
    description: "API Gateway REST stages must enable X-Ray tracing.",
    severity: "low",
    controls: ["hipaa:164.312(b)", "hipaa:164.308(a)(1)(ii)(D)"],
    remediationSteps: "Set `xrayTracingEnabled: true` on the aws.apigateway.Stage.",
  },
  apigateway.Stage,
  (stage, { report }) => {
    if (stage.xrayTracingEnabled !== true) {
      report(`xrayTracingEnabled is ${shown(stage.xrayTracingEnabled)}; expected true.`);
    }
  },
);
