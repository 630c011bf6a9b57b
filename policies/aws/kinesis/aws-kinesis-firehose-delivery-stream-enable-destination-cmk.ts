import * as kinesis from "@pulumi/aws/kinesis";
import { resourcePolicy } from "../../lib/define";
import { checkEach, mustBeAwsCmk } from "../../lib/conditions";

/**
 * Firehose writes every record it delivers into the destination bucket; without a kmsKeyArn on the S3 destination
 * the objects rely on whatever the bucket default is, which the stream cannot prove (Checkov CKV_AWS_241 covers the
 * stream itself).
 * @severity high
 * @controls hipaa:164.312(a)(2)(iv), gdpr:art32
 */
export const awsKinesisFirehoseDeliveryStreamEnableDestinationCmk = resourcePolicy(
  {
    name: "aws-kinesis-firehose-delivery-stream-enable-destination-cmk",
    description:
      "Firehose delivery streams to S3 must encrypt delivered objects with a customer-managed KMS key.",
    severity: "high",
    controls: ["hipaa:164.312(a)(2)(iv)", "gdpr:art32"],
    remediationSteps:
      "Set `extendedS3Configuration.kmsKeyArn: <customer-managed key ARN>` on the aws.kinesis.FirehoseDeliveryStream.",
  },
  kinesis.FirehoseDeliveryStream,
  (stream, { report }) =>
    checkEach(report, [
      () =>
        stream.destination === "extended_s3"
          ? mustBeAwsCmk(
              "extendedS3Configuration.kmsKeyArn",
              stream.extendedS3Configuration?.kmsKeyArn,
              "the bucket's default encryption",
            )
          : undefined,
    ]),
);
