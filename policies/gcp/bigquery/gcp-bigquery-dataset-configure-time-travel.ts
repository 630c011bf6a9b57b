import * as bigquery from "@pulumi/gcp/bigquery";
import { resourcePolicy } from "../../lib/define";

const defaultMaxHours = 48;

/**
 * Deleted rows stay readable through time travel (168 hours by default) and then the 7-day fail-safe; the
 * shortest window, 48 hours, is how long an erasure request waits before personal data is really gone.
 * @severity medium
 * @controls gdpr:art17, gdpr:art5-1-e
 */
export const gcpBigqueryDatasetConfigureTimeTravel = resourcePolicy(
  {
    name: "gcp-bigquery-dataset-configure-time-travel",
    description: `BigQuery datasets must limit time travel to at most ${defaultMaxHours} hours, the GDPR erasure window.`,
    severity: "medium",
    controls: ["gdpr:art17", "gdpr:art5-1-e"],
    remediationSteps: 'Set `maxTimeTravelHours: "48"` on the gcp.bigquery.Dataset.',
    configSchema: {
      properties: {
        maxTimeTravelHours: {
          type: "integer",
          minimum: 48,
          maximum: 168,
          default: defaultMaxHours,
          description:
            "Longest allowed time travel window in hours (BigQuery accepts 48 to 168 in steps of 24).",
        },
      },
    },
  },
  bigquery.Dataset,
  (dataset, { args, report }) => {
    const maxHours = (args.getConfig<{ maxTimeTravelHours?: number }>().maxTimeTravelHours ??
      defaultMaxHours) as number;
    if (dataset.maxTimeTravelHours === undefined) {
      report(
        `maxTimeTravelHours is not set (defaults to 168 hours); set it to at most "${maxHours}".`,
      );
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
