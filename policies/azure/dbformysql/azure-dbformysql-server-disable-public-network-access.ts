import * as dbformysql from "@pulumi/azure-native/dbformysql";
import { resourcePolicy } from "../../lib/define";
import { checkEach, shown } from "../../lib/conditions";

/**
 * A flexible server with public access answers on the internet; a database of PHI belongs in a delegated subnet or
 * behind a private endpoint (Azure security baseline NS-2).
 * @severity high
 * @controls hipaa:164.312(a)(1), hipaa:164.312(e)(1), gdpr:art32
 */
export const azureDbformysqlServerDisablePublicNetworkAccess = resourcePolicy(
  {
    name: "azure-dbformysql-server-disable-public-network-access",
    description:
      'MySQL flexible servers must set network.publicNetworkAccess to "Disabled" and be reached through private endpoints.',
    severity: "high",
    controls: ["hipaa:164.312(a)(1)", "hipaa:164.312(e)(1)", "gdpr:art32"],
    remediationSteps:
      'Set `network.publicNetworkAccess: "Disabled"` on the azure-native dbformysql.Server and add a network.PrivateEndpoint.',
  },
  dbformysql.Server,
  (r, { report }) =>
    checkEach(report, [
      () =>
        r.network?.publicNetworkAccess === "Disabled"
          ? undefined
          : `network.publicNetworkAccess is ${shown(r.network?.publicNetworkAccess, "the service default Enabled")}; expected "Disabled".`,
    ]),
);
