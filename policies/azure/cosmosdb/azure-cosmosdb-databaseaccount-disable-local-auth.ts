import * as cosmosdb from "@pulumi/azure-native/cosmosdb";
import { resourcePolicy } from "../../lib/define";
import { checkEach, mustBeTrue } from "../../lib/conditions";

/**
 * Account keys grant full data access to whoever holds them, with no identity in the logs; Entra ID authentication
 * ties every request to a person or workload (Checkov CKV_AZURE_140).
 * @severity high
 * @controls hipaa:164.312(a)(2)(i), hipaa:164.312(d), gdpr:art32
 */
export const azureCosmosdbDatabaseAccountDisableLocalAuth = resourcePolicy(
  {
    name: "azure-cosmosdb-databaseaccount-disable-local-auth",
    description:
      "Cosmos DB accounts must disable local (key-based) authentication in favour of Entra ID.",
    severity: "high",
    controls: ["hipaa:164.312(a)(2)(i)", "hipaa:164.312(d)", "gdpr:art32"],
    remediationSteps:
      "Set `disableLocalAuth: true` on the azure-native cosmosdb.DatabaseAccount and grant access through Entra ID roles.",
  },
  cosmosdb.DatabaseAccount,
  (r, { report }) =>
    checkEach(report, [() => mustBeTrue("disableLocalAuth", r.disableLocalAuth, "keys accepted")]),
);
