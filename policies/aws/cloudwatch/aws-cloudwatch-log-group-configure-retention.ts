import * as cloudwatch from "@pulumi/aws/cloudwatch";
import { resourcePolicy } from "../../lib/define";
import { configOf } from "../lib/format";
import { sixYearsInDays } from "../../catalog/retention";

/**
 * HIPAA documentation and audit evidence must be kept six years; GDPR storage limitation forbids keeping
 * personal data for ever. An unset or zero retention means "never expire", which is not a decision, so the
 * retention must be explicit and between the two bounds.
 * @severity high
 * @controls hipaa:164.316(b)(2), gdpr:art5-1-e
 */
export const awsCloudwatchLogGroupConfigureRetention = resourcePolicy(
  {
    name: "aws-cloudwatch-log-group-configure-retention",
    description: `CloudWatch log groups must set an explicit retention between the configured minimum (${sixYearsInDays} days) and maximum (3653 days).`,
    severity: "high",
    controls: ["hipaa:164.316(b)(2)", "gdpr:art5-1-e"],
    remediationSteps: `Set \`retentionInDays: ${sixYearsInDays}\` (six years; or 2557, 2922, 3288, 3653) on the aws.cloudwatch.LogGroup.`,
    configSchema: {
      properties: {
        minRetentionDays: {
          type: "integer",
          minimum: 1,
          default: sixYearsInDays,
          description: "Shortest retention allowed.",
        },
        maxRetentionDays: {
          type: "integer",
          minimum: 1,
          default: 3653,
          description: "Longest retention allowed (storage limitation).",
        },
      },
    },
  },
  cloudwatch.LogGroup,
  (group, { args, report }) => {
    const { minRetentionDays, maxRetentionDays } = configOf(args, {
      minRetentionDays: sixYearsInDays,
      maxRetentionDays: 3653,
    });
    const days = group.retentionInDays;
    if (days === undefined || days === 0) {
      report(
        `retentionInDays is ${days === undefined ? "not set" : "0"} (never expire); expected an explicit value from ${minRetentionDays} to ${maxRetentionDays} days.`,
      );
    } else if (days < minRetentionDays) {
      report(`retentionInDays is ${days}; expected at least ${minRetentionDays} days.`);
    } else if (days > maxRetentionDays) {
      report(`retentionInDays is ${days}; expected at most ${maxRetentionDays} days.`);
    }
  },
);
