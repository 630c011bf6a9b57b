import { stackPolicy } from "../lib/define";
import { aws } from "./lib/types";
import { ofType, props, resolve, judgeEach } from "./lib/resources";
import { resolveKey, storeSpecByType } from "./lib/keys";

/**
 * A Lambda consumer of a PHI stream that fails on one record either blocks the shard or, after its retries, drops
 * the batch; the on-failure destination is where those records (with their PHI) go, so it must exist and be
 * encrypted with a customer-managed key (an SQS queue or SNS topic whose kmsMasterKeyId is a key in the stack), and
 * `functionResponseTypes: ["ReportBatchItemFailures"]` must be set so only the failed records are retried instead
 * of the whole batch being reprocessed or lost.
 * @severity high
 * @controls hipaa:164.312(c)(1), hipaa:164.312(a)(2)(iv), gdpr:art32
 */
export const stackKinesisConsumerConfigureFailureHandling = stackPolicy(
  {
    name: "stack-kinesis-consumer-configure-failure-handling",
    description:
      "Every Lambda event source mapping on a Kinesis stream of the stack must report batch item failures and send failed records to an SQS queue or SNS topic encrypted with a customer-managed key.",
    severity: "high",
    controls: ["hipaa:164.312(c)(1)", "hipaa:164.312(a)(2)(iv)", "gdpr:art32"],
    remediationSteps:
      'On the aws.lambda.EventSourceMapping set functionResponseTypes: ["ReportBatchItemFailures"], bisectBatchOnFunctionError: true, finite maximumRetryAttempts and destinationConfig: { onFailure: { destinationArn: queue.arn } }, with the queue\'s kmsMasterKeyId set to a KMS key of the stack.',
  },
  ({ args, report }) => {
    const streams = ofType(args.resources, aws.kinesisStream);
    const destinations = ofType(args.resources, aws.sqsQueue, aws.snsTopic);
    judgeEach(ofType(args.resources, aws.eventSourceMapping), (mapping) => {
      const p = props(mapping);
      const stream = resolve(mapping, "eventSourceArn", () => p.eventSourceArn, streams);
      if (!stream.target) {
        return;
      }
      const types: unknown[] = p.functionResponseTypes ?? [];
      if (!types.includes("ReportBatchItemFailures")) {
        report(
          `Event source mapping ${mapping.name} on Kinesis stream ${stream.target.name} does not set functionResponseTypes ReportBatchItemFailures; expected ["ReportBatchItemFailures"].`,
          mapping.urn,
        );
      }
      const hasDestination =
        (mapping.propertyDependencies?.["destinationConfig"] ?? []).length > 0 ||
        typeof p.destinationConfig?.onFailure?.destinationArn === "string";
      if (!hasDestination) {
        report(
          `Event source mapping ${mapping.name} on Kinesis stream ${stream.target.name} has no on-failure destination (destinationConfig.onFailure.destinationArn); expected an SQS queue or SNS topic encrypted with a customer-managed key.`,
          mapping.urn,
        );
        return;
      }
      const destination = resolve(
        mapping,
        "destinationConfig",
        () => p.destinationConfig?.onFailure?.destinationArn,
        destinations,
      );
      if (!destination.target) {
        report(
          `Event source mapping ${mapping.name} sends failed records to "${destination.value}", which is not an SQS queue or SNS topic in this stack, so its encryption cannot be verified; expected one encrypted with a customer-managed key.`,
          mapping.urn,
        );
        return;
      }
      const spec = storeSpecByType.get(destination.target.type)!;
      const encryption = spec.encryption(destination.target, args.resources);
      let gap: string | undefined;
      if (encryption.kind === "none") {
        gap = encryption.detail;
      } else {
        const key = resolveKey(encryption, args.resources);
        gap =
          key.kind === "in-stack"
            ? undefined
            : `its key "${key.ref}" is not a customer-managed key in the stack`;
      }
      if (gap !== undefined) {
        report(
          `On-failure destination ${destination.target.name} of event source mapping ${mapping.name} is not encrypted with a customer-managed key: ${gap}; expected kmsMasterKeyId referencing a KMS key of the stack.`,
          destination.target.urn,
        );
      }
    });
  },
);
