import type { PolicyResource } from "@pulumi/policy";
import { stackPolicy } from "../lib/define";
import { isPhi, unlabelledIsPhiFrom, unlabelledIsPhiSchema } from "./lib/labels";
import { aws, azure, gcp } from "./lib/types";
import { ofType, props, judgeEach } from "./lib/resources";

const defaultMaxDays = 30;
/** BigQuery keeps deleted data for the time-travel window plus a fixed 7-day fail-safe. */
const bigQueryFailSafeDays = 7;
const bigQueryDefaultTimeTravelHours = 168;
const kinesisDefaultRetentionHours = 24;
const dynamoDbDefaultRecoveryDays = 35;
const versionedPolicies = ["versioned", "versioned-update"];

interface Config {
  maxErasureDays?: number;
  fhirPurgeAutomation?: boolean;
  unlabelledIsPhi?: boolean;
}

/** Spanner's versionRetentionPeriod ("1h", "7d", "90m", "3600s") in days; undefined when unparsable. */
function spannerRetentionDays(value: unknown): number | undefined {
  const match = /^(\d+(?:\.\d+)?)([smhd])$/.exec(String(value).trim());
  if (!match) {
    return undefined;
  }
  const perDay: Record<string, number> = { s: 86400, m: 1440, h: 24, d: 1 };
  return Number(match[1]) / perDay[match[2]];
}

const days = (n: number) => `${Number.isInteger(n) ? n : n.toFixed(1)} days`;

/**
 * An erasure request (GDPR Art. 17) is complete only when no copy of the data can still be read back; stores that
 * keep deleted data for a while bound how fast that can happen. Decisions: Kinesis records cannot be deleted, so
 * retentionPeriod (hours, default 24) is the window; BigQuery keeps deleted rows for maxTimeTravelHours (default
 * 168) plus a 7-day fail-safe; Spanner keeps old versions for versionRetentionPeriod (default 1h); DynamoDB
 * point-in-time recovery keeps restorable copies for recoveryPeriodInDays (default 35) and counts, because a
 * restore brings erased items back (set it to the window or below); a versioned Health Data Services FHIR service
 * keeps every history version until `$purge-history` runs, so it is reported unless `fhirPurgeAutomation` says a
 * purge process exists. Backups outside the stack stay with people and process.
 * @severity medium
 * @controls gdpr:art17, gdpr:art5-1-e
 */
export const stackPhiStoreConfigureErasureWindow = stackPolicy(
  {
    name: "stack-phi-store-configure-erasure-window",
    description: `Stores that keep deleted personal data (Kinesis retention, BigQuery time travel, Spanner version retention, DynamoDB PITR, FHIR history) must let an erasure complete within ${defaultMaxDays} days.`,
    severity: "medium",
    controls: ["gdpr:art17", "gdpr:art5-1-e"],
    remediationSteps:
      "Lower Kinesis retentionPeriod, BigQuery maxTimeTravelHours (48 to 168), Spanner versionRetentionPeriod and DynamoDB pointInTimeRecovery.recoveryPeriodInDays so each store's window fits maxErasureDays; for a versioned FHIR service run $purge-history (or hardDelete) in the erasure workflow and set fhirPurgeAutomation: true, or use resourceVersionPolicyConfiguration default no-version.",
    configSchema: {
      properties: {
        maxErasureDays: {
          type: "integer",
          minimum: 1,
          default: defaultMaxDays,
          description: "Days within which an erasure must be complete in every store.",
        },
        fhirPurgeAutomation: {
          type: "boolean",
          default: false,
          description:
            "True when an automated $purge-history/hardDelete process runs for erasure requests on FHIR.",
        },
        unlabelledIsPhi: unlabelledIsPhiSchema,
      },
    },
  },
  ({ args, report }) => {
    const config = args.getConfig<Config>();
    const maxDays = config.maxErasureDays ?? defaultMaxDays;
    const unlabelledIsPhi = unlabelledIsPhiFrom(config);
    const phi = (r: PolicyResource) => isPhi(r, args.resources, unlabelledIsPhi);
    const tooLong = (r: PolicyResource, what: string, window: number, detail: string) => {
      if (window > maxDays) {
        report(
          `${what} ${r.name} keeps erased data for ${days(window)} (${detail}); an erasure must complete within ${maxDays} days.`,
          r.urn,
        );
      }
    };

    judgeEach(ofType(args.resources, aws.kinesisStream).filter(phi), (stream) => {
      const hours = props(stream).retentionPeriod ?? kinesisDefaultRetentionHours;
      tooLong(stream, "Kinesis stream", hours / 24, `retentionPeriod ${hours} hours`);
    });
    judgeEach(ofType(args.resources, aws.dynamodbTable).filter(phi), (table) => {
      const pitr = props(table).pointInTimeRecovery;
      if (pitr?.enabled === true) {
        const recovery = pitr.recoveryPeriodInDays ?? dynamoDbDefaultRecoveryDays;
        tooLong(table, "DynamoDB table", recovery, `point-in-time recovery for ${recovery} days`);
      }
    });
    judgeEach(ofType(args.resources, gcp.bigqueryDataset).filter(phi), (dataset) => {
      const raw = props(dataset).maxTimeTravelHours;
      const hours = raw === undefined || raw === "" ? bigQueryDefaultTimeTravelHours : Number(raw);
      tooLong(
        dataset,
        "BigQuery dataset",
        hours / 24 + bigQueryFailSafeDays,
        `time travel ${hours} hours plus the 7-day fail-safe`,
      );
    });
    judgeEach(ofType(args.resources, gcp.spannerDatabase).filter(phi), (database) => {
      const raw = props(database).versionRetentionPeriod;
      if (raw === undefined) {
        return;
      }
      const window = spannerRetentionDays(raw);
      if (window === undefined) {
        report(
          `Spanner database ${database.name} has versionRetentionPeriod ${JSON.stringify(raw)}, which is not a duration such as "7d"; expected at most ${maxDays} days.`,
          database.urn,
        );
      } else {
        tooLong(database, "Spanner database", window, `versionRetentionPeriod ${raw}`);
      }
    });
    if (!config.fhirPurgeAutomation) {
      judgeEach(ofType(args.resources, azure.fhirService).filter(phi), (fhir) => {
        const policy = props(fhir).resourceVersionPolicyConfiguration?.default ?? "versioned";
        if (versionedPolicies.includes(policy)) {
          report(
            `FHIR service ${fhir.name} keeps resource history (resourceVersionPolicyConfiguration default ${policy}), so erased resources stay readable until purged; run $purge-history in the erasure workflow and set fhirPurgeAutomation: true, or use no-version.`,
            fhir.urn,
          );
        }
      });
    }
  },
);
