import * as cosmosdb from "@pulumi/azure-native/cosmosdb";
import { resourcePolicy } from "../../lib/define";
import { checkEach } from "../../lib/conditions";

/**
 * Cosmos DB encrypts with Microsoft-managed keys unless keyVaultKeyUri names a key; a customer key can be revoked
 * to make the data unreadable (Checkov CKV_AZURE_100).
 * @severity high
 * @controls hipaa:164.312(a)(2)(iv), gdpr:art32
 */
export const azureCosmosdbDatabaseAccountMissingCmk = resourcePolicy(
  {
    name: "azure-cosmosdb-databaseaccount-missing-cmk",
    description: "Cosmos DB accounts must be encrypted with a customer-managed key from Key Vault.",
    severity: "high",
    controls: ["hipaa:164.312(a)(2)(iv)", "gdpr:art32"],
    remediationSteps:
      "Set `keyVaultKeyUri: <Key Vault key URI>` (and an identity with access to it) on the azure-native cosmosdb.DatabaseAccount.",
  },
  cosmosdb.DatabaseAccount,
  (r, { report }) =>
    checkEach(report, [
      () =>
        typeof r.keyVaultKeyUri === "string" && r.keyVaultKeyUri !== ""
          ? undefined
          : "keyVaultKeyUri names no Key Vault key (a Microsoft-managed key); expected a customer-managed key.",
    ]),
);
