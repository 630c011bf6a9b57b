import * as lambda from "@pulumi/aws/lambda";
import { resourcePolicy } from "../../lib/define";

/**
 * Asynchronous invocations that fail all retries are dropped; an on-failure destination keeps the event with its
 * error, which is the modern alternative to a dead-letter queue on the function.
 * @severity medium
 * @controls hipaa:164.308(a)(7), hipaa:164.312(c)(1)
 */
export const awsLambdaFunctionEventInvokeConfigConfigureOnFailureDestination = resourcePolicy(
  {
    name: "aws-lambda-function-event-invoke-config-configure-on-failure-destination",
    description:
      "Lambda asynchronous invocation configs must send failed events to an on-failure destination.",
    severity: "medium",
    controls: ["hipaa:164.308(a)(7)", "hipaa:164.312(c)(1)"],
    remediationSteps:
      "Set `destinationConfig: {onFailure: {destination: <encrypted SQS queue, SNS topic, EventBridge bus or function ARN>}}` on the aws.lambda.FunctionEventInvokeConfig.",
  },
  lambda.FunctionEventInvokeConfig,
  (config, { report }) => {
    if (config.destinationConfig?.onFailure?.destination === undefined) {
      report(
        "destinationConfig.onFailure.destination is not set; expected an encrypted SQS queue, SNS topic, event bus or function ARN.",
      );
    }
  },
);
