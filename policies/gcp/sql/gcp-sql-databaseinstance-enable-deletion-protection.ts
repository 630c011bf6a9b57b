import * as sql from "@pulumi/gcp/sql";
import { resourcePolicy } from "../../lib/define";
import { shown } from "../lib/shown";

/**
 * Deleting a Cloud SQL instance deletes its automated backups with it; deletionProtection stops Pulumi from doing
 * so and settings.deletionProtectionEnabled stops the console, gcloud and the API.
 * @severity high
 * @controls hipaa:164.308(a)(7), hipaa:164.312(c)(1), gdpr:art32
 */
export const gcpSqlDatabaseInstanceEnableDeletionProtection = resourcePolicy(
  {
    name: "gcp-sql-databaseinstance-enable-deletion-protection",
    description:
      "Cloud SQL instances must keep deletion protection in Pulumi and enable it in Google Cloud.",
    severity: "high",
    controls: ["hipaa:164.308(a)(7)", "hipaa:164.312(c)(1)", "gdpr:art32"],
    remediationSteps:
      "Leave `deletionProtection` at its default (true) and set `settings.deletionProtectionEnabled: true` on the gcp.sql.DatabaseInstance.",
  },
  sql.DatabaseInstance,
  (instance, { report }) => {
    if (instance.deletionProtection === false) {
      report("deletionProtection is false; set it to true.");
    }
    const enabled = instance.settings?.deletionProtectionEnabled;
    if (enabled !== true) {
      report(
        `settings.deletionProtectionEnabled is ${shown(enabled, "defaults to false")}; set it to true.`,
      );
    }
  },
);
