import { stackKinesisConsumerConfigureFailureHandling as policy } from "../../../policies/stack";
import { checkStack, unknown } from "../harness";
import { controls, kmsKey, resource } from "./fixtures";

const c = controls.kinesisConsumer;
const streamArn = "arn:aws:kinesis:eu-central-1:210987654321:stream/mc-eu-vitals";
const stream = resource("aws:kinesis/stream:Stream", "vitals-stream", {
  name: "mc-eu-vitals",
  arn: streamArn,
  encryptionType: "KMS",
});
const key = kmsKey();
const queueArn = "arn:aws:sqs:eu-central-1:210987654321:mc-eu-vitals-dlq";
const queue = (props: Record<string, unknown> = { kmsMasterKeyId: key.props.arn }) =>
  resource("aws:sqs/queue:Queue", "vitals-dlq", {
    name: "mc-eu-vitals-dlq",
    arn: queueArn,
    ...props,
  });
const mapping = (props: Record<string, unknown>, deps?: Record<string, string[]>) =>
  resource(
    "aws:lambda/eventSourceMapping:EventSourceMapping",
    "vitals-esm",
    {
      eventSourceArn: streamArn,
      functionName: "vitals-anomaly",
      startingPosition: "TRIM_HORIZON",
      ...props,
    },
    deps,
  );
const good = {
  functionResponseTypes: ["ReportBatchItemFailures"],
  bisectBatchOnFunctionError: true,
  maximumRetryAttempts: 5,
  destinationConfig: { onFailure: { destinationArn: queueArn } },
};

describe("stack-kinesis-consumer-configure-failure-handling", () => {
  it("passes a consumer reporting item failures to a CMK-encrypted queue", async () => {
    expect(await checkStack(policy, [stream, key, queue(), mapping(good)])).toEqual({
      violations: [],
      byUrn: [],
      indeterminate: false,
    });
  });

  it("reports missing ReportBatchItemFailures on the mapping and an unencrypted destination on the queue", async () => {
    const q = queue({ sqsManagedSseEnabled: true });
    const m = mapping({ ...good, functionResponseTypes: [] });
    const out = await checkStack(policy, [stream, q, m]);
    expect(out.byUrn).toEqual([
      {
        urn: m.urn,
        message: `Event source mapping vitals-esm on Kinesis stream vitals-stream does not set functionResponseTypes ReportBatchItemFailures; expected ["ReportBatchItemFailures"]. ${c}`,
      },
      {
        urn: q.urn,
        message: `On-failure destination vitals-dlq of event source mapping vitals-esm is not encrypted with a customer-managed key: kmsMasterKeyId is not set (SQS-managed or no encryption); expected kmsMasterKeyId referencing a KMS key of the stack. ${c}`,
      },
    ]);
  });

  it("reports a consumer without destination or response types (absent), and a destination outside the stack", async () => {
    const m = mapping({});
    expect((await checkStack(policy, [stream, m])).violations).toEqual([
      `Event source mapping vitals-esm on Kinesis stream vitals-stream does not set functionResponseTypes ReportBatchItemFailures; expected ["ReportBatchItemFailures"]. ${c}`,
      `Event source mapping vitals-esm on Kinesis stream vitals-stream has no on-failure destination (destinationConfig.onFailure.destinationArn); expected an SQS queue or SNS topic encrypted with a customer-managed key. ${c}`,
    ]);
    const external = "arn:aws:sqs:eu-central-1:111122223333:shared-dlq";
    expect(
      (
        await checkStack(policy, [
          stream,
          mapping({ ...good, destinationConfig: { onFailure: { destinationArn: external } } }),
        ])
      ).violations,
    ).toEqual([
      `Event source mapping vitals-esm sends failed records to "${external}", which is not an SQS queue or SNS topic in this stack, so its encryption cannot be verified; expected one encrypted with a customer-managed key. ${c}`,
    ]);
  });

  it("ignores mappings on sources that are not Kinesis streams of the stack (no configuration applies)", async () => {
    const sqsSource = mapping({ eventSourceArn: queueArn });
    expect(
      (await checkStack(policy, [stream, queue(), sqsSource], { unlabelledIsPhi: false }))
        .violations,
    ).toEqual([]);
  });

  it("follows dependencies while the stream and queue ARNs are unknown", async () => {
    const m = mapping(
      {
        ...good,
        eventSourceArn: unknown,
        destinationConfig: { onFailure: { destinationArn: unknown } },
      },
      { eventSourceArn: [stream.urn], destinationConfig: [queueUrn()] },
    );
    expect(await checkStack(policy, [stream, key, queue(), m])).toEqual({
      violations: [],
      byUrn: [],
      indeterminate: false,
    });
  });

  it("is indeterminate when the event source is unknown and no dependency decides", async () => {
    expect(
      await checkStack(policy, [stream, mapping({ ...good, eventSourceArn: unknown })]),
    ).toMatchObject({ violations: [], indeterminate: true });
  });
});

function queueUrn(): string {
  return queue().urn;
}
