import * as lambda from "@pulumi/aws/lambda";
import { resourcePolicy } from "../../lib/define";
import { shown } from "../lib/format";
import { requireStreamSource } from "../lib/streams";

/**
 * The default of -1 retries a failing batch until the record expires, stalling the shard for up to the whole
 * retention period; a finite number of retries hands the batch to the on-failure destination instead.
 * @severity medium
 * @controls hipaa:164.308(a)(7), hipaa:164.312(c)(1)
 */
export const awsLambdaEventSourceMappingConfigureMaximumRetryAttempts = resourcePolicy(
  {
    name: "aws-lambda-event-source-mapping-configure-maximum-retry-attempts",
    description:
      "Event source mappings on Kinesis or DynamoDB streams must set a finite maximumRetryAttempts.",
    severity: "medium",
    controls: ["hipaa:164.308(a)(7)", "hipaa:164.312(c)(1)"],
    remediationSteps:
      "Set `maximumRetryAttempts` to a value from 0 to 10000 (for example 3) on the aws.lambda.EventSourceMapping.",
  },
  lambda.EventSourceMapping,
  (mapping, { args, report }) => {
    requireStreamSource(mapping, args);
    const retries = mapping.maximumRetryAttempts;
    if (retries === undefined || retries < 0) {
      report(
        `maximumRetryAttempts is ${shown(retries)} (-1, infinite, by default); expected a finite value from 0 to 10000.`,
      );
    }
  },
);
