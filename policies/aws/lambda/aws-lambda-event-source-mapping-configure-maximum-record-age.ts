import * as lambda from "@pulumi/aws/lambda";
import { resourcePolicy } from "../../lib/define";
import { shown } from "../lib/format";
import { requireStreamSource } from "../lib/streams";

/**
 * A record older than its usefulness (a vital sign from hours ago) should go to the failure destination, not hold up
 * fresh readings; the default of -1 never gives up on a record.
 * @severity medium
 * @controls hipaa:164.308(a)(7), hipaa:164.312(c)(1)
 */
export const awsLambdaEventSourceMappingConfigureMaximumRecordAge = resourcePolicy(
  {
    name: "aws-lambda-event-source-mapping-configure-maximum-record-age",
    description:
      "Event source mappings on Kinesis or DynamoDB streams must set a finite maximumRecordAgeInSeconds.",
    severity: "medium",
    controls: ["hipaa:164.308(a)(7)", "hipaa:164.312(c)(1)"],
    remediationSteps:
      "Set `maximumRecordAgeInSeconds` to a value from 60 to 604800 on the aws.lambda.EventSourceMapping.",
  },
  lambda.EventSourceMapping,
  (mapping, { args, report }) => {
    requireStreamSource(mapping, args);
    const age = mapping.maximumRecordAgeInSeconds;
    if (age === undefined || age < 0) {
      report(
        `maximumRecordAgeInSeconds is ${shown(age)} (-1, infinite, by default); expected a finite value from 60 to 604800.`,
      );
    }
  },
);
