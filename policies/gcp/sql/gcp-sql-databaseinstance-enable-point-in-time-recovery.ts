import * as sql from "@pulumi/gcp/sql";
import { resourcePolicy } from "../../lib/define";
import { isSet, shown } from "../lib/shown";

/**
 * Automated backups with point-in-time recovery let a PHI database be restored to the minute before a faulty
 * migration, a bad delete or ransomware, instead of to last night's backup.
 * @severity high
 * @controls hipaa:164.308(a)(7), hipaa:164.312(c)(1), gdpr:art32
 */
export const gcpSqlDatabaseInstanceEnablePointInTimeRecovery = resourcePolicy(
  {
    name: "gcp-sql-databaseinstance-enable-point-in-time-recovery",
    description: "Cloud SQL instances must enable automated backups with point-in-time recovery.",
    severity: "high",
    controls: ["hipaa:164.308(a)(7)", "hipaa:164.312(c)(1)", "gdpr:art32"],
    remediationSteps:
      "Set `settings.backupConfiguration: { enabled: true, pointInTimeRecoveryEnabled: true }` on the gcp.sql.DatabaseInstance (for MySQL, `binaryLogEnabled: true` instead of pointInTimeRecoveryEnabled).",
  },
  sql.DatabaseInstance,
  (instance, { report }) => {
    if (isSet(instance.masterInstanceName)) {
      // Read replicas cannot have backups; their primary is checked instead.
      return;
    }
    const backup = instance.settings?.backupConfiguration;
    if (backup?.enabled !== true) {
      report(
        `settings.backupConfiguration.enabled is ${shown(backup?.enabled, "defaults to false")}; set it to true.`,
      );
    }
    const version = instance.databaseVersion ?? "";
    if (version.startsWith("MYSQL")) {
      // MySQL recovers to a point in time from its binary log; pointInTimeRecoveryEnabled is for PostgreSQL and SQL Server.
      if (backup?.binaryLogEnabled !== true) {
        report(
          `settings.backupConfiguration.binaryLogEnabled is ${shown(backup?.binaryLogEnabled, "defaults to false")} on ${version}; set it to true for point-in-time recovery.`,
        );
      }
      return;
    }
    const pitr = backup?.pointInTimeRecoveryEnabled;
    // Enterprise Plus PostgreSQL and SQL Server turn it on by default.
    if (
      pitr === false ||
      (pitr === undefined && instance.settings?.edition !== "ENTERPRISE_PLUS")
    ) {
      report(
        `settings.backupConfiguration.pointInTimeRecoveryEnabled is ${shown(pitr, "defaults to false")}; set it to true.`,
      );
    }
  },
);
