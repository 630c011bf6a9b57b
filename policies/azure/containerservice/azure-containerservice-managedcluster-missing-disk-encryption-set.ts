import * as containerservice from "@pulumi/azure-native/containerservice";
import { resourcePolicy } from "../../lib/define";
import { checkEach } from "../../lib/conditions";

/**
 * Node disks cache container images, logs and emptyDir volumes that may hold PHI; without a disk encryption set
 * they use platform-managed keys (Checkov CKV_AZURE_117).
 * @severity high
 * @controls hipaa:164.312(a)(2)(iv), gdpr:art32
 */
export const azureContainerserviceManagedClusterMissingDiskEncryptionSet = resourcePolicy(
  {
    name: "azure-containerservice-managedcluster-missing-disk-encryption-set",
    description:
      "AKS clusters (node OS and data disks) must be encrypted with a customer-managed key from Key Vault.",
    severity: "high",
    controls: ["hipaa:164.312(a)(2)(iv)", "gdpr:art32"],
    remediationSteps:
      "Set `diskEncryptionSetID: <compute.DiskEncryptionSet id>` on the azure-native containerservice.ManagedCluster.",
  },
  containerservice.ManagedCluster,
  (r, { report }) =>
    checkEach(report, [
      () =>
        typeof r.diskEncryptionSetID === "string" && r.diskEncryptionSetID !== ""
          ? undefined
          : "diskEncryptionSetID names no Key Vault key (a Microsoft-managed key); expected a customer-managed key.",
    ]),
);
