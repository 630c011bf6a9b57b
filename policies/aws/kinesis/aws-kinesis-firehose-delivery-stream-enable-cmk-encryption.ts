import * as kinesis from "@pulumi/aws/kinesis";
import { resourcePolicy } from "../../lib/define";
import { shown } from "../lib/format";

/**
 * A delivery stream buffers records before it writes them out; the buffer must be encrypted with a key the
 * platform controls, like the stream it reads from.
 * @severity high
 * @controls hipaa:164.312(a)(2)(iv), gdpr:art32
 */
export const awsKinesisFirehoseDeliveryStreamEnableCmkEncryption = resourcePolicy(
  {
    name: "aws-kinesis-firehose-delivery-stream-enable-cmk-encryption",
    description:
      "Firehose delivery streams must use server-side encryption with a customer-managed KMS key.",
    severity: "high",
    controls: ["hipaa:164.312(a)(2)(iv)", "gdpr:art32"],
    remediationSteps:
      'Set `serverSideEncryption: {enabled: true, keyType: "CUSTOMER_MANAGED_CMK", keyArn: <key ARN>}` on the aws.kinesis.FirehoseDeliveryStream. With a Kinesis stream as source, encrypt the source stream with a CMK instead.',
  },
  kinesis.FirehoseDeliveryStream,
  (stream, { report }) => {
    if (stream.kinesisSourceConfiguration !== undefined) {
      // Firehose rejects SSE on a stream-sourced delivery stream; the source stream's own encryption applies.
      return;
    }
    const sse = stream.serverSideEncryption;
    if (sse?.enabled !== true) {
      report(
        `serverSideEncryption.enabled is ${shown(sse?.enabled)}; expected true with keyType "CUSTOMER_MANAGED_CMK".`,
      );
      return;
    }
    if (sse.keyType !== "CUSTOMER_MANAGED_CMK" || sse.keyArn === undefined) {
      report(
        `serverSideEncryption.keyType is ${shown(sse.keyType)} with keyArn ${shown(sse.keyArn)}; expected "CUSTOMER_MANAGED_CMK" with a keyArn.`,
      );
    }
  },
);
