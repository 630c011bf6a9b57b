import * as kinesis from "@pulumi/aws/kinesis";
import { resourcePolicy } from "../../lib/define";
import { configOf } from "../lib/format";

/**
 * Kinesis records cannot be deleted one by one, so the retention period is the time an erasure request has to
 * wait: it must stay within the erasure window the platform promises.
 * @severity medium
 * @controls gdpr:art17, gdpr:art5-1-e
 */
export const awsKinesisStreamConfigureRetentionPeriod = resourcePolicy(
  {
    name: "aws-kinesis-stream-configure-retention-period",
    description:
      "Kinesis streams must retain records for at most the configured erasure window (168 hours by default).",
    severity: "medium",
    controls: ["gdpr:art17", "gdpr:art5-1-e"],
    remediationSteps:
      "Set `retentionPeriod` (hours, 24 to 8760) on the aws.kinesis.Stream to no more than the erasure window, 168 hours by default.",
    configSchema: {
      properties: {
        maxRetentionHours: {
          type: "integer",
          minimum: 24,
          maximum: 8760,
          default: 168,
          description: "Erasure window: the longest retention allowed.",
        },
      },
    },
  },
  kinesis.Stream,
  (stream, { args, report }) => {
    const { maxRetentionHours } = configOf(args, { maxRetentionHours: 168 });
    const hours = stream.retentionPeriod ?? 24;
    if (hours > maxRetentionHours) {
      report(
        `retentionPeriod is ${hours} hours; expected at most ${maxRetentionHours} hours (the erasure window).`,
      );
    }
  },
);
