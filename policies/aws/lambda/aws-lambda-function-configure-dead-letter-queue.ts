import * as lambda from "@pulumi/aws/lambda";
import { resourcePolicy } from "../../lib/define";

/**
 * An asynchronous event that fails all its retries is dropped; a dead-letter queue keeps it, so a lost vital-sign
 * alert or consent change can be found and replayed.
 * @severity medium
 * @controls hipaa:164.308(a)(7), hipaa:164.312(c)(1)
 */
export const awsLambdaFunctionConfigureDeadLetterQueue = resourcePolicy(
  {
    name: "aws-lambda-function-configure-dead-letter-queue",
    description:
      "Lambda functions must send failed asynchronous events to a dead-letter queue or topic (or an on-failure destination).",
    severity: "medium",
    controls: ["hipaa:164.308(a)(7)", "hipaa:164.312(c)(1)"],
    remediationSteps:
      "Set `deadLetterConfig: {targetArn: <encrypted SQS queue or SNS topic ARN>}` on the aws.lambda.Function, or an aws.lambda.FunctionEventInvokeConfig with `destinationConfig.onFailure` (then suppress this advisory finding with a reason).",
  },
  lambda.Function,
  (fn, { report }) => {
    if (fn.deadLetterConfig?.targetArn === undefined) {
      report(
        "deadLetterConfig.targetArn is not set; expected an encrypted SQS queue or SNS topic ARN.",
      );
    }
  },
);
