/**
 * Which event source mappings read a Kinesis or DynamoDB stream, decided on which keys are present (never on the
 * source ARN, which is usually unknown during preview): stream sources need `startingPosition`; Kafka sources
 * also have `topics`; SQS, MQ and DocumentDB sources have neither.
 */
import type { ResourceValidationArgs } from "@pulumi/policy";

export function requireStreamSource(mapping: object, args: ResourceValidationArgs): void {
  const kafka = [
    "topics",
    "selfManagedEventSource",
    "amazonManagedKafkaEventSourceConfig",
    "selfManagedKafkaEventSourceConfig",
  ];
  if (!("startingPosition" in mapping) || kafka.some((k) => k in mapping)) {
    args.notApplicable(
      "Only applies to event source mappings that read a Kinesis or DynamoDB stream",
    );
  }
}
