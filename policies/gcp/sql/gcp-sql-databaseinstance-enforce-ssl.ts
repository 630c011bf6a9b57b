import * as sql from "@pulumi/gcp/sql";
import { resourcePolicy } from "../../lib/define";
import { shown } from "../lib/shown";

const encrypted = ["ENCRYPTED_ONLY", "TRUSTED_CLIENT_CERTIFICATE_REQUIRED"];

/**
 * Queries and results carry PHI; unless the instance refuses unencrypted connections, a misconfigured client sends
 * them in clear text over the network.
 * @severity high
 * @controls hipaa:164.312(e)(2)(ii), hipaa:164.312(e)(1), gdpr:art32
 */
export const gcpSqlDatabaseInstanceEnforceSsl = resourcePolicy(
  {
    name: "gcp-sql-databaseinstance-enforce-ssl",
    description:
      'Cloud SQL instances must accept only encrypted connections (sslMode "ENCRYPTED_ONLY" or stricter).',
    severity: "high",
    controls: ["hipaa:164.312(e)(2)(ii)", "hipaa:164.312(e)(1)", "gdpr:art32"],
    remediationSteps:
      'Set `settings.ipConfiguration.sslMode` to "ENCRYPTED_ONLY" or "TRUSTED_CLIENT_CERTIFICATE_REQUIRED" (not for SQL Server) on the gcp.sql.DatabaseInstance.',
  },
  sql.DatabaseInstance,
  (instance, { report }) => {
    const sslMode = instance.settings?.ipConfiguration?.sslMode;
    if (!encrypted.includes(sslMode ?? "")) {
      report(
        `settings.ipConfiguration.sslMode is ${shown(sslMode, "defaults to ALLOW_UNENCRYPTED_AND_ENCRYPTED")}; set it to "ENCRYPTED_ONLY" or "TRUSTED_CLIENT_CERTIFICATE_REQUIRED".`,
      );
    }
  },
);
