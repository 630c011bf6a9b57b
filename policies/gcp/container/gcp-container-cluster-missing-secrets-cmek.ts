import * as container from "@pulumi/gcp/container";
import { resourcePolicy } from "../../lib/define";
import { shown } from "../lib/shown";

/**
 * Kubernetes Secrets in etcd (database credentials, FHIR client secrets) are otherwise encrypted only with Google's
 * keys; application-layer secrets encryption wraps them with a customer-managed Cloud KMS key that can be revoked.
 * No public scanner checks this.
 * @severity high
 * @controls hipaa:164.312(a)(2)(iv), gdpr:art32
 */
export const gcpContainerClusterMissingSecretsCmek = resourcePolicy(
  {
    name: "gcp-container-cluster-missing-secrets-cmek",
    description:
      "GKE clusters must encrypt Kubernetes Secrets at the application layer with a Cloud KMS key.",
    severity: "high",
    controls: ["hipaa:164.312(a)(2)(iv)", "gdpr:art32"],
    remediationSteps:
      'Set `databaseEncryption: { state: "ENCRYPTED", keyName: <gcp.kms.CryptoKey id> }` on the gcp.container.Cluster and grant the GKE service agent roles/cloudkms.cryptoKeyEncrypterDecrypter on the key.',
  },
  container.Cluster,
  (cluster, { report }) => {
    const encryption = cluster.databaseEncryption;
    if (encryption?.state !== "ENCRYPTED") {
      report(
        `databaseEncryption.state is ${shown(encryption?.state, "DECRYPTED")}; set it to "ENCRYPTED" with a keyName.`,
      );
      return;
    }
    if (typeof encryption.keyName !== "string" || encryption.keyName === "") {
      report(
        "databaseEncryption.state is ENCRYPTED but keyName is not set; set it to a Cloud KMS crypto key.",
      );
    }
  },
);
