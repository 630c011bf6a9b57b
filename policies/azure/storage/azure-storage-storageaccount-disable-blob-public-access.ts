import * as storage from "@pulumi/azure-native/storage";
import { resourcePolicy } from "../../lib/define";
import { shown } from "../lib/shown";

/**
 * One container set to public access would publish its blobs to the internet; disallowing it on the account makes that impossible.
 * @severity critical
 * @controls hipaa:164.312(a)(1), gdpr:art32, gdpr:art25
 */
export const azureStorageStorageAccountDisableBlobPublicAccess = resourcePolicy(
  {
    name: "azure-storage-storageaccount-disable-blob-public-access",
    description: "Storage accounts must disallow anonymous blob access.",
    severity: "critical",
    controls: ["hipaa:164.312(a)(1)", "gdpr:art32", "gdpr:art25"],
    remediationSteps: "Set `allowBlobPublicAccess: false` on the storage.StorageAccount.",
  },
  storage.StorageAccount,
  (account, { report }) => {
    if (account.allowBlobPublicAccess !== false) {
      report(
        `allowBlobPublicAccess is ${shown(account.allowBlobPublicAccess, "the default depends on the API version")}; set it to false.`,
      );
    }
  },
);
