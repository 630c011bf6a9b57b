import * as s3 from "@pulumi/aws/s3";
import { resourcePolicy } from "../../lib/define";
import { configOf, shown } from "../lib/format";
import { sixYearsInDays } from "../../catalog/retention";

/**
 * Audit records must survive six years unaltered; object lock in COMPLIANCE mode with that default retention is
 * what stops even an administrator from deleting them early. Used on audit buckets, so advisory.
 * @severity medium
 * @controls hipaa:164.316(b)(2), hipaa:164.312(c)(1)
 */
export const awsS3BucketObjectLockConfigurationConfigureRetention = resourcePolicy(
  {
    name: "aws-s3-bucket-object-lock-configuration-configure-retention",
    description: `S3 object lock configurations must default to COMPLIANCE mode with at least the configured retention (${sixYearsInDays} days, six years, by default).`,
    severity: "medium",
    controls: ["hipaa:164.316(b)(2)", "hipaa:164.312(c)(1)"],
    remediationSteps: `Set \`rule: {defaultRetention: {mode: "COMPLIANCE", years: 6}}\` (or \`days: ${sixYearsInDays}\`) on the aws.s3.BucketObjectLockConfiguration.`,
    configSchema: {
      properties: {
        minRetentionDays: {
          type: "integer",
          minimum: 1,
          default: sixYearsInDays,
          description: "Shortest default retention allowed, in days.",
        },
      },
    },
  },
  s3.BucketObjectLockConfiguration,
  (lock, { args, report }) => {
    const { minRetentionDays } = configOf(args, { minRetentionDays: sixYearsInDays });
    const retention = lock.rule?.defaultRetention;
    if (retention === undefined) {
      report(
        `rule.defaultRetention is not set; expected mode "COMPLIANCE" with at least ${minRetentionDays} days.`,
      );
      return;
    }
    if (retention.mode !== "COMPLIANCE") {
      report(`rule.defaultRetention.mode is ${shown(retention.mode)}; expected "COMPLIANCE".`);
    }
    const days =
      retention.days ?? (retention.years !== undefined ? Math.ceil(retention.years * 365.25) : 0);
    if (days < minRetentionDays) {
      const received =
        retention.days !== undefined
          ? `${retention.days} days`
          : retention.years !== undefined
            ? `${retention.years} years`
            : "not set";
      report(`rule.defaultRetention is ${received}; expected at least ${minRetentionDays} days.`);
    }
  },
);
