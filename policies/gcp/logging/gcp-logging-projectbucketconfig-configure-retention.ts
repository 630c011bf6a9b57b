import * as logging from "@pulumi/gcp/logging";
import { resourcePolicy } from "../../lib/define";

const defaultMinDays = 2190;

/**
 * Audit logs are HIPAA documentation, kept six years (6 * 365 = 2190 days), and the record a breach investigation
 * works from; a log bucket keeps 30 days unless told otherwise.
 * @severity medium
 * @controls hipaa:164.316(b)(2), hipaa:164.312(b), gdpr:art33
 */
export const gcpLoggingProjectBucketConfigConfigureRetention = resourcePolicy(
  {
    name: "gcp-logging-projectbucketconfig-configure-retention",
    description: `Cloud Logging buckets must retain logs for at least ${defaultMinDays} days (six years).`,
    severity: "medium",
    enforcementLevel: "mandatory",
    controls: ["hipaa:164.316(b)(2)", "hipaa:164.312(b)", "gdpr:art33"],
    remediationSteps: `Set \`retentionDays: ${defaultMinDays}\` (or more, up to 3650) on the gcp.logging.ProjectBucketConfig.`,
    configSchema: {
      properties: {
        minRetentionDays: {
          type: "integer",
          minimum: 1,
          maximum: 3650,
          default: defaultMinDays,
          description: "Fewest days a log bucket may retain logs.",
        },
      },
    },
  },
  logging.ProjectBucketConfig,
  (bucket, { args, report }) => {
    const minDays = (args.getConfig<{ minRetentionDays?: number }>().minRetentionDays ??
      defaultMinDays) as number;
    const days = bucket.retentionDays;
    if (days === undefined || days === null) {
      report(`retentionDays is not set (defaults to 30); set at least ${minDays}.`);
    } else if (days === 0) {
      report(`retentionDays is 0 (the default, 30 days); set at least ${minDays}.`);
    } else if (days < minDays) {
      report(`retentionDays is ${days}; set at least ${minDays}.`);
    }
  },
);
