import * as sql from "@pulumi/gcp/sql";
import { resourcePolicy } from "../../lib/define";
import { checkEach } from "../../lib/conditions";

import { flagFindings } from "../lib/sql-flags";

/**
 * CIS GCP 6.3 turns off the SQL Server features that widen access beyond the database's own users: external
 * scripts, cross-database ownership chaining, contained database authentication and remote access.
 * @severity medium
 * @controls hipaa:164.312(a)(1), gdpr:art32
 */
export const gcpSqlDatabaseInstanceConfigureSqlserverFlags = resourcePolicy(
  {
    name: "gcp-sql-databaseinstance-configure-sqlserver-flags",
    description:
      'Cloud SQL for SQL Server must set "external scripts enabled", "cross db ownership chaining", "contained database authentication" and "remote access" to off.',
    severity: "medium",
    controls: ["hipaa:164.312(a)(1)", "gdpr:art32"],
    remediationSteps:
      'Add `databaseFlags` with value "off" for "external scripts enabled", "cross db ownership chaining", "contained database authentication" and "remote access" to the settings of the gcp.sql.DatabaseInstance.',
  },
  sql.DatabaseInstance,
  (instance, { report }) =>
    checkEach(report, [
      () =>
        String(instance.databaseVersion).startsWith("SQLSERVER")
          ? flagFindings(instance.settings?.databaseFlags ?? [], {
              "external scripts enabled": ["off"],
              "cross db ownership chaining": ["off"],
              "contained database authentication": ["off"],
              "remote access": ["off"],
            })
          : undefined,
    ]),
);
