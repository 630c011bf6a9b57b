import * as dbforpostgresql from "@pulumi/azure-native/dbforpostgresql";
import { resourcePolicy } from "../../lib/define";

const defaultMinDays = 7;

/**
 * Backups are how PHI is recovered after corruption or deletion; geo-redundant storage survives the loss of the
 * region, and the retention bounds how far back a restore can go.
 * @severity medium
 * @controls hipaa:164.308(a)(7), gdpr:art32
 */
export const azureDbForPostgresqlServerConfigureBackup = resourcePolicy(
  {
    name: "azure-dbforpostgresql-server-configure-backup",
    description: `PostgreSQL flexible servers must keep backups geo-redundant or for at least ${defaultMinDays} days.`,
    severity: "medium",
    controls: ["hipaa:164.308(a)(7)", "gdpr:art32"],
    remediationSteps:
      'Set `backup: { geoRedundantBackup: "Enabled", backupRetentionDays: 35 }` on the dbforpostgresql.Server (geo-redundancy can only be chosen at creation).',
    configSchema: {
      properties: {
        minRetentionDays: {
          type: "integer",
          minimum: 7,
          maximum: 35,
          default: defaultMinDays,
          description: "Fewest days of backup retention for servers without geo-redundant backup.",
        },
      },
    },
  },
  dbforpostgresql.Server,
  (server, { args, report }) => {
    const minDays = (args.getConfig<{ minRetentionDays?: number }>().minRetentionDays ??
      defaultMinDays) as number;
    if (server.backup?.geoRedundantBackup === "Enabled") {
      return;
    }
    // Azure keeps 7 days when backupRetentionDays is not set.
    const days = server.backup?.backupRetentionDays ?? 7;
    if (days < minDays) {
      report(
        `backup.geoRedundantBackup is not "Enabled" and backupRetentionDays is ${days}; enable geo-redundant backup or keep at least ${minDays} days.`,
      );
    }
  },
);
