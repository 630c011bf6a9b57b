import * as storage from "@pulumi/azure-native/storage";
import { resourcePolicy } from "../../lib/define";
import { shown } from "../lib/shown";

/**
 * TLS 1.0 and 1.1 have known weaknesses; requiring 1.2 protects PHI moving between the platform and its blobs.
 * @severity high
 * @controls hipaa:164.312(e)(2)(ii), hipaa:164.312(e)(1), gdpr:art32
 */
export const azureStorageStorageAccountConfigureMinimumTls = resourcePolicy(
  {
    name: "azure-storage-storageaccount-configure-minimum-tls",
    description: "Storage accounts must require TLS 1.2 or later.",
    severity: "high",
    controls: ["hipaa:164.312(e)(2)(ii)", "hipaa:164.312(e)(1)", "gdpr:art32"],
    remediationSteps: 'Set `minimumTlsVersion: "TLS1_2"` on the storage.StorageAccount.',
  },
  storage.StorageAccount,
  (account, { report }) => {
    const version = account.minimumTlsVersion;
    if (version !== "TLS1_2" && version !== "TLS1_3") {
      report(
        `minimumTlsVersion is ${shown(version, "older accounts accept TLS 1.0")}; set it to "TLS1_2".`,
      );
    }
  },
);
