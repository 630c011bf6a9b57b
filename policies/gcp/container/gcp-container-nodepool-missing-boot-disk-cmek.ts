import * as container from "@pulumi/gcp/container";
import { resourcePolicy } from "../../lib/define";

/**
 * Node boot disks hold container images, logs and emptyDir volumes that can contain PHI; a customer-managed key
 * makes them unreadable once the key is revoked.
 * @severity high
 * @controls hipaa:164.312(a)(2)(iv), gdpr:art32
 */
export const gcpContainerNodePoolMissingBootDiskCmek = resourcePolicy(
  {
    name: "gcp-container-nodepool-missing-boot-disk-cmek",
    description:
      "GKE node pools must encrypt boot disks with a Cloud KMS key (nodeConfig.bootDiskKmsKey).",
    severity: "high",
    controls: ["hipaa:164.312(a)(2)(iv)", "gdpr:art32"],
    remediationSteps:
      "Set `nodeConfig.bootDiskKmsKey` to a gcp.kms.CryptoKey id on the gcp.container.NodePool and grant the Compute Engine service agent roles/cloudkms.cryptoKeyEncrypterDecrypter.",
  },
  container.NodePool,
  (pool, { report }) => {
    const key = pool.nodeConfig?.bootDiskKmsKey;
    if (typeof key !== "string" || key === "") {
      report(
        "nodeConfig.bootDiskKmsKey is not set, so boot disks use Google-managed keys; set it to a Cloud KMS key.",
      );
    }
  },
);
