import * as storage from "@pulumi/azure-native/storage";
import { resourcePolicy } from "../../lib/define";
import { shown } from "../lib/shown";

/**
 * With public network access disabled the account is reachable only through private endpoints, whatever its network rules say.
 * @severity high
 * @controls hipaa:164.312(e)(1), hipaa:164.312(a)(1), gdpr:art32
 */
export const azureStorageStorageAccountDisablePublicNetworkAccess = resourcePolicy(
  {
    name: "azure-storage-storageaccount-disable-public-network-access",
    description: "Storage accounts must disable public network access.",
    severity: "high",
    controls: ["hipaa:164.312(e)(1)", "hipaa:164.312(a)(1)", "gdpr:art32"],
    remediationSteps:
      'Set `publicNetworkAccess: "Disabled"` on the storage.StorageAccount and add a private endpoint.',
  },
  storage.StorageAccount,
  (account, { report }) => {
    if (account.publicNetworkAccess !== "Disabled") {
      report(
        `publicNetworkAccess is ${shown(account.publicNetworkAccess, "defaults to Enabled")}; set it to "Disabled".`,
      );
    }
  },
);
