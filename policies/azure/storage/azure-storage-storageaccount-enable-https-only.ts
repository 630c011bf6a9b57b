import * as storage from "@pulumi/azure-native/storage";
import { resourcePolicy } from "../../lib/define";

/**
 * Plain HTTP would carry PHI and SAS tokens unencrypted.
 * @severity high
 * @controls hipaa:164.312(e)(2)(ii), hipaa:164.312(e)(1), gdpr:art32
 */
export const azureStorageStorageAccountEnableHttpsOnly = resourcePolicy(
  {
    name: "azure-storage-storageaccount-enable-https-only",
    description: "Storage accounts must accept HTTPS traffic only.",
    severity: "high",
    controls: ["hipaa:164.312(e)(2)(ii)", "hipaa:164.312(e)(1)", "gdpr:art32"],
    remediationSteps:
      "Remove `enableHttpsTrafficOnly: false` (the default is true) from the storage.StorageAccount.",
  },
  storage.StorageAccount,
  (account, { report }) => {
    if (account.enableHttpsTrafficOnly === false) {
      report("enableHttpsTrafficOnly is false; set it to true.");
    }
  },
);
