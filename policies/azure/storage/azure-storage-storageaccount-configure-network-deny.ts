import * as storage from "@pulumi/azure-native/storage";
import { resourcePolicy } from "../../lib/define";
import { shown } from "../lib/shown";

/**
 * A storage account reachable from every network depends on its credentials alone; default-deny limits it to named networks and private endpoints.
 * @severity high
 * @controls hipaa:164.312(e)(1), hipaa:164.312(a)(1), gdpr:art32
 */
export const azureStorageStorageAccountConfigureNetworkDeny = resourcePolicy(
  {
    name: "azure-storage-storageaccount-configure-network-deny",
    description: "Storage accounts must deny network access by default.",
    severity: "high",
    controls: ["hipaa:164.312(e)(1)", "hipaa:164.312(a)(1)", "gdpr:art32"],
    remediationSteps:
      'Set `networkRuleSet: { defaultAction: "Deny", bypass: "AzureServices" }` on the storage.StorageAccount and reach it through a private endpoint.',
  },
  storage.StorageAccount,
  (account, { report }) => {
    const action = account.networkRuleSet?.defaultAction;
    if (action !== "Deny") {
      report(
        `networkRuleSet.defaultAction is ${shown(action, "defaults to Allow")}; set it to "Deny".`,
      );
    }
  },
);
