import * as sql from "@pulumi/gcp/sql";
import { resourcePolicy } from "../../lib/define";
import { checkEach } from "../../lib/conditions";

import { flagFindings } from "../lib/sql-flags";

/**
 * CIS GCP 6.1 requires MySQL instances to refuse LOAD DATA LOCAL (local_infile off), which lets a client read files
 * from the server, and to hide database names from users without rights (skip_show_database on).
 * @severity medium
 * @controls hipaa:164.312(a)(1), gdpr:art32
 */
export const gcpSqlDatabaseInstanceConfigureMysqlFlags = resourcePolicy(
  {
    name: "gcp-sql-databaseinstance-configure-mysql-flags",
    description: "Cloud SQL for MySQL must set local_infile to off and skip_show_database to on.",
    severity: "medium",
    controls: ["hipaa:164.312(a)(1)", "gdpr:art32"],
    remediationSteps:
      'Add `databaseFlags: [{name: "local_infile", value: "off"}, {name: "skip_show_database", value: "on"}]` to the settings of the gcp.sql.DatabaseInstance.',
  },
  sql.DatabaseInstance,
  (instance, { report }) =>
    checkEach(report, [
      () =>
        String(instance.databaseVersion).startsWith("MYSQL")
          ? flagFindings(instance.settings?.databaseFlags ?? [], {
              local_infile: ["off"],
              skip_show_database: ["on"],
            })
          : undefined,
    ]),
);
