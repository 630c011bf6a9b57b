import * as sql from "@pulumi/gcp/sql";
import { resourcePolicy } from "../../lib/define";
import { checkEach, mustBeTrue } from "../../lib/conditions";

/**
 * Automated backups are the recovery point for a corrupted or deleted database; the provider leaves them off unless
 * enabled (CIS GCP 6.7).
 * @severity medium
 * @controls hipaa:164.308(a)(7), hipaa:164.312(c)(1)
 */
export const gcpSqlDatabaseInstanceEnableBackups = resourcePolicy(
  {
    name: "gcp-sql-databaseinstance-enable-backups",
    description: "Cloud SQL instances must enable automated backups.",
    severity: "medium",
    controls: ["hipaa:164.308(a)(7)", "hipaa:164.312(c)(1)"],
    remediationSteps:
      "Set `settings.backupConfiguration.enabled: true` on the gcp.sql.DatabaseInstance.",
  },
  sql.DatabaseInstance,
  (instance, { report }) =>
    checkEach(report, [
      () =>
        mustBeTrue(
          "settings.backupConfiguration.enabled",
          instance.settings?.backupConfiguration?.enabled,
          "the provider default false",
        ),
    ]),
);
