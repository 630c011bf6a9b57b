import * as storage from "@pulumi/azure-native/storage";
import { resourcePolicy } from "../../lib/define";
import { shown } from "../lib/shown";

/**
 * Account keys grant full access to every blob and identify no one; with shared keys off every request carries an Entra ID identity.
 * @severity high
 * @controls hipaa:164.312(d), hipaa:164.312(a)(2)(i), gdpr:art32
 */
export const azureStorageStorageAccountDisableSharedKeyAccess = resourcePolicy(
  {
    name: "azure-storage-storageaccount-disable-shared-key-access",
    description: "Storage accounts must disable shared key authorization.",
    severity: "high",
    controls: ["hipaa:164.312(d)", "hipaa:164.312(a)(2)(i)", "gdpr:art32"],
    remediationSteps:
      "Set `allowSharedKeyAccess: false` on the storage.StorageAccount and use Entra ID (RBAC) for every caller.",
  },
  storage.StorageAccount,
  (account, { report }) => {
    if (account.allowSharedKeyAccess !== false) {
      report(
        `allowSharedKeyAccess is ${shown(account.allowSharedKeyAccess, "defaults to true")}; set it to false.`,
      );
    }
  },
);
