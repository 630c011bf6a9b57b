import * as dbforpostgresql from "@pulumi/azure-native/dbforpostgresql";
import { resourcePolicy } from "../../lib/define";
import { shown } from "../lib/shown";

/**
 * A flexible server with public access is reachable from any address its firewall rules allow; VNet integration
 * or a private endpoint keeps PHI queries inside the private network.
 * @severity high
 * @controls hipaa:164.312(e)(1), hipaa:164.312(a)(1), gdpr:art32
 */
export const azureDbForPostgresqlServerDisablePublicNetworkAccess = resourcePolicy(
  {
    name: "azure-dbforpostgresql-server-disable-public-network-access",
    description: "PostgreSQL flexible servers must disable public network access.",
    severity: "high",
    controls: ["hipaa:164.312(e)(1)", "hipaa:164.312(a)(1)", "gdpr:art32"],
    remediationSteps:
      'Set `network: { publicNetworkAccess: "Disabled", delegatedSubnetResourceId, privateDnsZoneArmResourceId }` on the dbforpostgresql.Server, or use a private endpoint.',
  },
  dbforpostgresql.Server,
  (server, { report }) => {
    const access = server.network?.publicNetworkAccess;
    if (access !== "Disabled") {
      report(
        `network.publicNetworkAccess is ${shown(access, "Enabled unless the server is VNet-integrated")}; set it to "Disabled".`,
      );
    }
  },
);
