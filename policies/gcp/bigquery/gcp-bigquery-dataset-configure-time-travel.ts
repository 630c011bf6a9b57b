import * as bigquery from "@pulumi/gcp/bigquery";
import { resourcePolicy } from "../../lib/define";

/** BigQuery's own maximum, and its default when maxTimeTravelHours is not set. */
const defaultMaxHours = 168;

/**
 * Deleted rows stay readable through time travel (48 to 168 hours, 168 by default) and then the 7-day fail-safe, so
 * the window decides how long an erasure request waits before personal data is really gone. Any valid window plus
 * the fail-safe (at most 14 days) meets GDPR's one-month deadline (Art. 12(3)) and none of the external catalogs
 * asks for a shorter one, while a longer window is also a recovery window (HIPAA 164.308(a)(7)); so by default the
 * policy only rejects values BigQuery would not accept, and a team with a shorter erasure commitment sets
 * `maxTimeTravelHours` (48 for the shortest window) in the policy configuration.
 * @severity medium
 * @controls gdpr:art17, gdpr:art5-1-e
 */
export const gcpBigqueryDatasetConfigureTimeTravel = resourcePolicy(
  {
    name: "gcp-bigquery-dataset-configure-time-travel",
    description:
      "BigQuery datasets must keep time travel within the configured erasure window (by default BigQuery's maximum, 168 hours).",
    severity: "medium",
    controls: ["gdpr:art17", "gdpr:art5-1-e"],
    remediationSteps:
      'Set `maxTimeTravelHours` to a multiple of 24 between "48" and the configured maximum on the gcp.bigquery.Dataset.',
    configSchema: {
      properties: {
        maxTimeTravelHours: {
          type: "integer",
          minimum: 48,
          maximum: 168,
          default: defaultMaxHours,
          description:
            "Longest allowed time travel window in hours (BigQuery accepts 48 to 168 in steps of 24); 48 enforces the shortest erasure window.",
        },
      },
    },
  },
  bigquery.Dataset,
  (dataset, { args, report }) => {
    const maxHours = (args.getConfig<{ maxTimeTravelHours?: number }>().maxTimeTravelHours ??
      defaultMaxHours) as number;
    if (dataset.maxTimeTravelHours === undefined) {
      if (maxHours < 168) {
        report(
          `maxTimeTravelHours is not set (defaults to 168 hours); set it to at most "${maxHours}".`,
        );
      }
      return;
    }
    const hours = Number(dataset.maxTimeTravelHours);
    if (!Number.isFinite(hours)) {
      report(
        `maxTimeTravelHours ${JSON.stringify(dataset.maxTimeTravelHours)} is not a number of hours.`,
      );
    } else if (hours > maxHours) {
      report(`maxTimeTravelHours is ${hours}; the maximum is ${maxHours} hours.`);
    }
  },
);
