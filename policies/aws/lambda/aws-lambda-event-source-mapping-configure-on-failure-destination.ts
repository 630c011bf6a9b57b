import * as lambda from "@pulumi/aws/lambda";
import { resourcePolicy } from "../../lib/define";
import { requireStreamSource } from "../lib/streams";

/**
 * When retries run out a stream record is skipped for good; an on-failure destination keeps a pointer to every
 * skipped batch so no reading is lost silently.
 * @severity high
 * @controls hipaa:164.308(a)(7), hipaa:164.312(c)(1), gdpr:art32
 */
export const awsLambdaEventSourceMappingConfigureOnFailureDestination = resourcePolicy(
  {
    name: "aws-lambda-event-source-mapping-configure-on-failure-destination",
    description:
      "Event source mappings on Kinesis or DynamoDB streams must send failed batches to an on-failure destination.",
    severity: "high",
    controls: ["hipaa:164.308(a)(7)", "hipaa:164.312(c)(1)", "gdpr:art32"],
    remediationSteps:
      "Set `destinationConfig: {onFailure: {destinationArn: <encrypted SQS queue, SNS topic or S3 bucket ARN>}}` on the aws.lambda.EventSourceMapping.",
  },
  lambda.EventSourceMapping,
  (mapping, { args, report }) => {
    requireStreamSource(mapping, args);
    if (mapping.destinationConfig?.onFailure?.destinationArn === undefined) {
      report(
        "destinationConfig.onFailure.destinationArn is not set; expected an encrypted SQS queue, SNS topic or S3 bucket ARN.",
      );
    }
  },
);
