import * as secretmanager from "@pulumi/gcp/secretmanager";
import { resourcePolicy } from "../../lib/define";
import { checkEach } from "../../lib/conditions";

/**
 * Secrets guard access to PHI stores; with a customer-managed key their use is logged under, and revocable by, the
 * platform's own key policy.
 * @severity medium
 * @controls hipaa:164.312(a)(2)(iv), gdpr:art32
 */
export const gcpSecretmanagerSecretMissingCmek = resourcePolicy(
  {
    name: "gcp-secretmanager-secret-missing-cmek",
    description:
      "Secret Manager secrets must be encrypted with a customer-managed Cloud KMS key in every replica.",
    severity: "medium",
    controls: ["hipaa:164.312(a)(2)(iv)", "gdpr:art32"],
    remediationSteps:
      "Set `replication.auto.customerManagedEncryption.kmsKeyName`, or `customerManagedEncryption.kmsKeyName` on every `replication.userManaged.replicas` entry, on the gcp.secretmanager.Secret.",
  },
  secretmanager.Secret,
  (secret, { report }) =>
    checkEach(report, [
      () => {
        const auto = secret.replication.auto;
        if (auto !== undefined) {
          return auto.customerManagedEncryption?.kmsKeyName
            ? undefined
            : "replication.auto.customerManagedEncryption.kmsKeyName is not set (a Google-managed key); expected a Cloud KMS key name.";
        }
        const missing = (secret.replication.userManaged?.replicas ?? []).filter(
          (r) => !r.customerManagedEncryption?.kmsKeyName,
        );
        return missing.length === 0
          ? undefined
          : `replication.userManaged.replicas in ${missing.map((r) => r.location).join(", ")} set no customerManagedEncryption.kmsKeyName; expected a Cloud KMS key per replica.`;
      },
    ]),
);
