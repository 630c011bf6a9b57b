import * as sql from "@pulumi/gcp/sql";
import { resourcePolicy } from "../../lib/define";
import { checkEach } from "../../lib/conditions";
import { flagFindings } from "../lib/sql-flags";

/**
 * CIS GCP 6.2 requires PostgreSQL instances to log connections, disconnections, errors and DDL statements, and
 * pgaudit to record who read or changed which table; none of these are on by default. log_min_messages,
 * log_error_verbosity and log_min_duration_statement already comply at the engine default, so only a weaker value
 * set explicitly is reported.
 * @severity medium
 * @controls hipaa:164.312(b), hipaa:164.308(a)(1)(ii)(D), gdpr:art33
 */
export const gcpSqlDatabaseInstanceConfigurePostgresFlags = resourcePolicy(
  {
    name: "gcp-sql-databaseinstance-configure-postgres-flags",
    description:
      "Cloud SQL for PostgreSQL must set log_connections, log_disconnections and cloudsql.enable_pgaudit to on, log_min_error_statement to error or stricter and log_statement to ddl (or mod), and must not lower log_min_messages, log_error_verbosity or log_min_duration_statement below the CIS values.",
    severity: "medium",
    controls: ["hipaa:164.312(b)", "hipaa:164.308(a)(1)(ii)(D)", "gdpr:art33"],
    remediationSteps:
      'Add `databaseFlags: [{name: "log_connections", value: "on"}, {name: "log_disconnections", value: "on"}, {name: "cloudsql.enable_pgaudit", value: "on"}, {name: "log_min_error_statement", value: "error"}, {name: "log_statement", value: "ddl"}]` to the settings of the gcp.sql.DatabaseInstance.',
  },
  sql.DatabaseInstance,
  (instance, { report }) =>
    checkEach(report, [
      () =>
        String(instance.databaseVersion).startsWith("POSTGRES")
          ? flagFindings(
              instance.settings?.databaseFlags ?? [],
              {
                log_connections: ["on"],
                log_disconnections: ["on"],
                "cloudsql.enable_pgaudit": ["on"],
                log_min_error_statement: ["error", "log", "fatal", "panic"],
                log_statement: ["ddl", "mod"],
              },
              {
                log_min_messages: ["warning", "error", "log", "fatal", "panic"],
                log_min_duration_statement: ["-1"],
                log_error_verbosity: ["default", "verbose"],
              },
            )
          : undefined,
    ]),
);
