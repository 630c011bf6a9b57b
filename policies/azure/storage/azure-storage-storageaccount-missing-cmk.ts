import * as storage from "@pulumi/azure-native/storage";
import { resourcePolicy } from "../../lib/define";
import { shown } from "../lib/shown";

/**
 * A customer-managed key in Key Vault lets the organisation revoke access to every blob of PHI at once.
 * @severity high
 * @controls hipaa:164.312(a)(2)(iv), gdpr:art32
 */
export const azureStorageStorageAccountMissingCmk = resourcePolicy(
  {
    name: "azure-storage-storageaccount-missing-cmk",
    description: "Storage accounts must encrypt data with a customer-managed key.",
    severity: "high",
    controls: ["hipaa:164.312(a)(2)(iv)", "gdpr:art32"],
    remediationSteps:
      'Set `encryption: { keySource: "Microsoft.Keyvault", keyVaultProperties: { keyVaultUri, keyName }, identity }` on the storage.StorageAccount.',
  },
  storage.StorageAccount,
  (account, { report }) => {
    const source = account.encryption?.keySource;
    if (source !== "Microsoft.Keyvault") {
      report(
        `encryption.keySource is ${shown(source, "Microsoft.Storage")}; set it to "Microsoft.Keyvault" with a Key Vault key.`,
      );
    }
  },
);
