import * as lambda from "@pulumi/aws/lambda";
import { resourcePolicy } from "../../lib/define";
import { requireStreamSource } from "../lib/streams";

/**
 * Reporting the failed item lets Lambda retry from that record on, instead of reprocessing the whole batch and
 * writing the readings before it twice.
 * @severity medium
 * @controls hipaa:164.312(c)(1), hipaa:164.308(a)(7)
 */
export const awsLambdaEventSourceMappingEnableReportBatchItemFailures = resourcePolicy(
  {
    name: "aws-lambda-event-source-mapping-enable-report-batch-item-failures",
    description:
      "Event source mappings on Kinesis or DynamoDB streams must report batch item failures.",
    severity: "medium",
    controls: ["hipaa:164.312(c)(1)", "hipaa:164.308(a)(7)"],
    remediationSteps:
      'Set `functionResponseTypes: ["ReportBatchItemFailures"]` on the aws.lambda.EventSourceMapping and return `batchItemFailures` from the handler.',
  },
  lambda.EventSourceMapping,
  (mapping, { args, report }) => {
    requireStreamSource(mapping, args);
    const types = mapping.functionResponseTypes ?? [];
    if (!types.includes("ReportBatchItemFailures")) {
      report(
        `functionResponseTypes is ${JSON.stringify(types)}; expected it to include "ReportBatchItemFailures".`,
      );
    }
  },
);
