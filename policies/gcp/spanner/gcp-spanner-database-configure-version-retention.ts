import * as spanner from "@pulumi/gcp/spanner";
import { resourcePolicy } from "../../lib/define";

const defaultMaxDays = 7;
const unitSeconds: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

/** Seconds in a Spanner retention period such as "7d", "36h", "90m" or "3600s"; undefined otherwise. */
function retentionSeconds(value: string): number | undefined {
  const match = /^(\d+)([smhd])$/.exec(value.trim());
  return match ? Number(match[1]) * unitSeconds[match[2]] : undefined;
}

/**
 * Old row versions stay readable for the version retention period (point-in-time recovery), so an erased patient
 * record is only gone once it ends; bounding it bounds the erasure window.
 * @severity medium
 * @controls gdpr:art17, gdpr:art5-1-e, hipaa:164.308(a)(7)
 */
export const gcpSpannerDatabaseConfigureVersionRetention = resourcePolicy(
  {
    name: "gcp-spanner-database-configure-version-retention",
    description: `Spanner databases must keep old versions for at most ${defaultMaxDays} days (the erasure window).`,
    severity: "medium",
    controls: ["gdpr:art17", "gdpr:art5-1-e", "hipaa:164.308(a)(7)"],
    remediationSteps:
      'Set `versionRetentionPeriod` on the gcp.spanner.Database to a duration within the configured maximum, e.g. "7d" or "3d".',
    configSchema: {
      properties: {
        maxRetentionDays: {
          type: "integer",
          minimum: 1,
          maximum: 7,
          default: defaultMaxDays,
          description: "Longest allowed version retention period in days.",
        },
      },
    },
  },
  spanner.Database,
  (db, { args, report }) => {
    const maxDays = (args.getConfig<{ maxRetentionDays?: number }>().maxRetentionDays ??
      defaultMaxDays) as number;
    if (db.versionRetentionPeriod === undefined) {
      // Spanner's default is one hour.
      return;
    }
    const seconds = retentionSeconds(db.versionRetentionPeriod);
    if (seconds === undefined) {
      report(
        `versionRetentionPeriod ${JSON.stringify(db.versionRetentionPeriod)} is not a duration such as "7d" or "36h".`,
      );
    } else if (seconds > maxDays * 86400) {
      report(
        `versionRetentionPeriod is ${JSON.stringify(db.versionRetentionPeriod)}; the maximum is ${maxDays} days ("${maxDays}d").`,
      );
    }
  },
);
