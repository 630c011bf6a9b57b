import * as cosmosdb from "@pulumi/azure-native/cosmosdb";
import { resourcePolicy } from "../../lib/define";
import { checkEach, shown } from "../../lib/conditions";

/**
 * A Cosmos DB account with public network access answers on the internet, guarded only by keys or tokens; clinical
 * documents stay behind private endpoints (Azure security baseline NS-2, Checkov CKV_AZURE_101).
 * @severity high
 * @controls hipaa:164.312(a)(1), hipaa:164.312(e)(1), gdpr:art32
 */
export const azureCosmosdbDatabaseAccountDisablePublicNetworkAccess = resourcePolicy(
  {
    name: "azure-cosmosdb-databaseaccount-disable-public-network-access",
    description:
      'Cosmos DB accounts must set publicNetworkAccess to "Disabled" and be reached through private endpoints.',
    severity: "high",
    controls: ["hipaa:164.312(a)(1)", "hipaa:164.312(e)(1)", "gdpr:art32"],
    remediationSteps:
      'Set `publicNetworkAccess: "Disabled"` on the azure-native cosmosdb.DatabaseAccount and add a network.PrivateEndpoint.',
  },
  cosmosdb.DatabaseAccount,
  (r, { report }) =>
    checkEach(report, [
      () =>
        r.publicNetworkAccess === "Disabled"
          ? undefined
          : `publicNetworkAccess is ${shown(r.publicNetworkAccess, "the service default Enabled")}; expected "Disabled".`,
    ]),
);
