import * as sql from "@pulumi/azure-native/sql";
import { resourcePolicy } from "../../lib/define";
import { shown } from "../lib/shown";

/**
 * A SQL server reachable from the internet depends on firewall rules and passwords alone; with public access
 * disabled it is reached only through private endpoints.
 * @severity high
 * @controls hipaa:164.312(e)(1), hipaa:164.312(a)(1), gdpr:art32
 */
export const azureSqlServerDisablePublicNetworkAccess = resourcePolicy(
  {
    name: "azure-sql-server-disable-public-network-access",
    description: "Azure SQL servers must disable public network access.",
    severity: "high",
    controls: ["hipaa:164.312(e)(1)", "hipaa:164.312(a)(1)", "gdpr:art32"],
    remediationSteps:
      'Set `publicNetworkAccess: "Disabled"` on the sql.Server and add a private endpoint (group id "sqlServer").',
  },
  sql.Server,
  (server, { report }) => {
    if (server.publicNetworkAccess !== "Disabled") {
      report(
        `publicNetworkAccess is ${shown(server.publicNetworkAccess, "defaults to Enabled")}; set it to "Disabled".`,
      );
    }
  },
);
