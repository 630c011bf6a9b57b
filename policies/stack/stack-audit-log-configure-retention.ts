import { stackPolicy } from "../lib/define";
import { aws, azure, gcp } from "./lib/types";
import { attachedTo, ofType, props, resolve, judgeEach } from "./lib/resources";
import { sixYearsInDays } from "../catalog/retention";

const defaultMinDays = sixYearsInDays;

interface Config {
  minRetentionDays?: number;
}

/**
 * HIPAA requires required documentation, audit trails included, to be kept six years (164.316(b)(2)); a breach
 * investigation needs the logs of the whole period (GDPR Art. 33). Every audit destination in the stack keeps its
 * logs at least `minRetentionDays` (default `sixYearsInDays`, six years with leap days): CloudTrail's CloudWatch log group
 * (retentionInDays, absent = never expire), GCP log buckets (retentionDays, absent = 30), and Log Analytics
 * workspaces (retentionInDays up to 730, or a table of the workspace whose totalRetentionInDays, archive included,
 * reaches the minimum).
 * @severity high
 * @controls hipaa:164.316(b)(2), hipaa:164.312(b), gdpr:art33
 */
export const stackAuditLogConfigureRetention = stackPolicy(
  {
    name: "stack-audit-log-configure-retention",
    description: `Audit log destinations (CloudTrail's log group, GCP log buckets, Log Analytics workspaces) must keep logs at least ${defaultMinDays} days (six years).`,
    severity: "high",
    controls: ["hipaa:164.316(b)(2)", "hipaa:164.312(b)", "gdpr:art33"],
    remediationSteps: `Set retentionInDays to ${defaultMinDays} or more (or leave it unset: never expire) on the CloudTrail log group, retentionDays >= ${defaultMinDays} with locked: true on gcp.logging.ProjectBucketConfig, and on Log Analytics keep 730 days interactive plus an operationalinsights.Table per audit table with totalRetentionInDays >= ${defaultMinDays}.`,
    configSchema: {
      properties: {
        minRetentionDays: {
          type: "integer",
          minimum: 1,
          default: defaultMinDays,
          description: "Shortest allowed retention of audit logs in days.",
        },
      },
    },
  },
  ({ args, report }) => {
    const minDays = args.getConfig<Config>().minRetentionDays ?? defaultMinDays;
    const logGroups = ofType(args.resources, aws.logGroup);
    judgeEach(ofType(args.resources, aws.trail), (trail) => {
      const p = props(trail);
      if (
        !("cloudWatchLogsGroupArn" in p) &&
        (trail.propertyDependencies?.["cloudWatchLogsGroupArn"] ?? []).length === 0
      ) {
        return;
      }
      const found = resolve(
        trail,
        "cloudWatchLogsGroupArn",
        () => p.cloudWatchLogsGroupArn,
        logGroups,
      );
      if (!found.target) {
        if (found.value) {
          report(
            `CloudTrail trail ${trail.name} delivers to log group "${found.value}", which is not in this stack, so its retention cannot be verified; expected a log group in the stack keeping at least ${minDays} days.`,
            trail.urn,
          );
        }
        return;
      }
      const days = props(found.target).retentionInDays;
      if (typeof days === "number" && days > 0 && days < minDays) {
        report(
          `CloudWatch log group ${found.target.name} (CloudTrail ${trail.name}) keeps logs ${days} days; expected at least ${minDays}.`,
          found.target.urn,
        );
      }
    });
    judgeEach(ofType(args.resources, gcp.logBucket), (bucket) => {
      const days = props(bucket).retentionDays;
      if (typeof days !== "number" || days < minDays) {
        report(
          `Log bucket ${bucket.name} keeps logs ${typeof days === "number" ? `${days} days` : "30 days (retentionDays not set)"}; expected at least ${minDays}.`,
          bucket.urn,
        );
      }
    });
    const tables = ofType(args.resources, azure.logTable);
    judgeEach(ofType(args.resources, azure.logWorkspace), (workspace) => {
      const days = props(workspace).retentionInDays;
      if (typeof days === "number" && days >= minDays) {
        return;
      }
      const archived = attachedTo(
        workspace,
        tables,
        "workspaceName",
        (value, w) => value === props(w).name,
      ).filter((t) => (props(t).totalRetentionInDays ?? 0) >= minDays);
      if (archived.length === 0) {
        report(
          `Log Analytics workspace ${workspace.name} keeps logs ${typeof days === "number" ? `${days} days` : "30 days (retentionInDays not set)"} and no table of it sets totalRetentionInDays >= ${minDays}; expected at least ${minDays} days including archive.`,
          workspace.urn,
        );
      }
    });
  },
);
