import * as lambda from "@pulumi/aws/lambda";
import { resourcePolicy } from "../../lib/define";
import { shown } from "../lib/format";
import { requireStreamSource } from "../lib/streams";

/**
 * One malformed record otherwise fails its whole batch again and again and blocks the shard; bisecting isolates
 * the poison record so the other patients' readings keep flowing.
 * @severity medium
 * @controls hipaa:164.308(a)(7), hipaa:164.312(c)(1)
 */
export const awsLambdaEventSourceMappingEnableBisectBatchOnError = resourcePolicy(
  {
    name: "aws-lambda-event-source-mapping-enable-bisect-batch-on-error",
    description:
      "Event source mappings on Kinesis or DynamoDB streams must split a failing batch (bisectBatchOnFunctionError).",
    severity: "medium",
    controls: ["hipaa:164.308(a)(7)", "hipaa:164.312(c)(1)"],
    remediationSteps:
      "Set `bisectBatchOnFunctionError: true` on the aws.lambda.EventSourceMapping.",
  },
  lambda.EventSourceMapping,
  (mapping, { args, report }) => {
    requireStreamSource(mapping, args);
    if (mapping.bisectBatchOnFunctionError !== true) {
      report(
        `bisectBatchOnFunctionError is ${shown(mapping.bisectBatchOnFunctionError)}; expected true.`,
      );
    }
  },
);
