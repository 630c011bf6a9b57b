import * as storage from "@pulumi/azure-native/storage";
import { resourcePolicy } from "../../lib/define";
import { shown } from "../lib/shown";

/**
 * Infrastructure encryption adds a second, independent layer of AES-256 below the service encryption, so one broken layer does not expose PHI.
 * @severity medium
 * @controls hipaa:164.312(a)(2)(iv), gdpr:art32
 */
export const azureStorageStorageAccountEnableInfrastructureEncryption = resourcePolicy(
  {
    name: "azure-storage-storageaccount-enable-infrastructure-encryption",
    description: "Storage accounts must enable infrastructure (double) encryption.",
    severity: "medium",
    controls: ["hipaa:164.312(a)(2)(iv)", "gdpr:art32"],
    remediationSteps:
      "Set `encryption.requireInfrastructureEncryption: true` on the storage.StorageAccount (only possible at creation).",
  },
  storage.StorageAccount,
  (account, { report }) => {
    if (account.encryption?.requireInfrastructureEncryption !== true) {
      report(
        `encryption.requireInfrastructureEncryption is ${shown(account.encryption?.requireInfrastructureEncryption, "false")}; set it to true.`,
      );
    }
  },
);
