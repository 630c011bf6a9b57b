import * as lambda from "@pulumi/aws/lambda";
import { resourcePolicy } from "../../lib/define";
import { shown } from "../lib/format";

/**
 * Without reserved concurrency one busy function can take the whole account's concurrency and starve the others;
 * a reservation keeps clinical functions available and caps runaway cost.
 * @severity low
 * @controls hipaa:164.308(a)(7), gdpr:art32
 */
export const awsLambdaFunctionConfigureReservedConcurrency = resourcePolicy(
  {
    name: "aws-lambda-function-configure-reserved-concurrency",
    description: "Lambda functions must set reserved concurrency.",
    severity: "low",
    controls: ["hipaa:164.308(a)(7)", "gdpr:art32"],
    remediationSteps:
      "Set `reservedConcurrentExecutions` to a non-negative number sized for the function's peak load on the aws.lambda.Function.",
  },
  lambda.Function,
  (fn, { report }) => {
    const reserved = fn.reservedConcurrentExecutions;
    if (reserved === undefined || reserved < 0) {
      report(
        `reservedConcurrentExecutions is ${shown(reserved)} (unreserved); expected a value of 0 or more.`,
      );
    }
  },
);
