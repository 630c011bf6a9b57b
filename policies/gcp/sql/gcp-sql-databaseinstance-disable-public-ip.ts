import * as sql from "@pulumi/gcp/sql";
import { resourcePolicy } from "../../lib/define";
import { shown } from "../lib/shown";

/**
 * A public IPv4 address puts the PHI database on the internet, one authorized network or weak password away from
 * exposure; a private IP keeps it reachable from the VPC only (the sql.restrictPublicIp organisation policy).
 * @severity high
 * @controls hipaa:164.312(e)(1), hipaa:164.312(a)(1), gdpr:art32
 */
export const gcpSqlDatabaseInstanceDisablePublicIp = resourcePolicy(
  {
    name: "gcp-sql-databaseinstance-disable-public-ip",
    description: "Cloud SQL instances must not have a public IPv4 address.",
    severity: "high",
    controls: ["hipaa:164.312(e)(1)", "hipaa:164.312(a)(1)", "gdpr:art32"],
    remediationSteps:
      "Set `settings.ipConfiguration.ipv4Enabled: false` and `settings.ipConfiguration.privateNetwork` to the VPC network id on the gcp.sql.DatabaseInstance.",
  },
  sql.DatabaseInstance,
  (instance, { report }) => {
    const ipv4Enabled = instance.settings?.ipConfiguration?.ipv4Enabled;
    if (ipv4Enabled !== false) {
      report(
        `settings.ipConfiguration.ipv4Enabled is ${shown(ipv4Enabled, "defaults to true, a public IP")}; set it to false and connect through privateNetwork.`,
      );
    }
  },
);
