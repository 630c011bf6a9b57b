import * as lambda from "@pulumi/aws/lambda";
import { resourcePolicy } from "../../lib/define";
import { shown } from "../lib/format";

/**
 * Active tracing records every invocation and its downstream calls, so an investigation can follow a request to
 * the PHI stores it touched.
 * @severity medium
 * @controls hipaa:164.312(b), hipaa:164.308(a)(1)(ii)(D)
 */
export const awsLambdaFunctionEnableXrayTracing = resourcePolicy(
  {
    name: "aws-lambda-function-enable-xray-tracing",
    description: "Lambda functions must have X-Ray active tracing.",
    severity: "medium",
    controls: ["hipaa:164.312(b)", "hipaa:164.308(a)(1)(ii)(D)"],
    remediationSteps: 'Set `tracingConfig: {mode: "Active"}` on the aws.lambda.Function.',
  },
  lambda.Function,
  (fn, { report }) => {
    const mode = fn.tracingConfig?.mode;
    if (mode !== "Active") {
      report(`tracingConfig.mode is ${shown(mode)}; expected "Active".`);
    }
  },
);
