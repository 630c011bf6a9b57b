import * as sql from "@pulumi/gcp/sql";
import { resourcePolicy } from "../../lib/define";
import { checkEach, isAnyAddress } from "../../lib/conditions";

/**
 * An authorized network of 0.0.0.0/0 opens the instance's public IP to the whole internet, leaving only the
 * password between an attacker and the database (CIS GCP 6.5, Checkov CKV_GCP_11).
 * @severity critical
 * @controls hipaa:164.312(a)(1), hipaa:164.312(e)(1), gdpr:art32
 */
export const gcpSqlDatabaseInstanceDisallowPublicAuthorizedNetworks = resourcePolicy(
  {
    name: "gcp-sql-databaseinstance-disallow-public-authorized-networks",
    description: "Cloud SQL instances must not authorize 0.0.0.0/0 (or ::/0).",
    severity: "critical",
    controls: ["hipaa:164.312(a)(1)", "hipaa:164.312(e)(1)", "gdpr:art32"],
    remediationSteps:
      "Remove 0.0.0.0/0 from `settings.ipConfiguration.authorizedNetworks` of the gcp.sql.DatabaseInstance; connect through private IP or the Cloud SQL Auth Proxy.",
  },
  sql.DatabaseInstance,
  (instance, { report }) =>
    checkEach(
      report,
      (instance.settings?.ipConfiguration?.authorizedNetworks ?? []).map(
        (network) => () =>
          isAnyAddress(network.value)
            ? `settings.ipConfiguration.authorizedNetworks ${JSON.stringify(network.name ?? network.value)} is ${network.value}, the whole internet; expected named CIDRs or none.`
            : undefined,
      ),
    ),
);
