import * as spanner from "@pulumi/gcp/spanner";
import { resourcePolicy } from "../../lib/define";
import { isSet } from "../lib/shown";

/**
 * Spanner holds the operational PHI records; a customer-managed key lets the organisation revoke access to the
 * data, its backups and its version history at once.
 * @severity high
 * @controls hipaa:164.312(a)(2)(iv), gdpr:art32
 */
export const gcpSpannerDatabaseMissingCmek = resourcePolicy(
  {
    name: "gcp-spanner-database-missing-cmek",
    description: "Spanner databases must be encrypted with a customer-managed Cloud KMS key.",
    severity: "high",
    controls: ["hipaa:164.312(a)(2)(iv)", "gdpr:art32"],
    remediationSteps:
      "Set `encryptionConfig.kmsKeyName` (or `kmsKeyNames` for multi-region configs) on the gcp.spanner.Database and grant the Spanner service agent roles/cloudkms.cryptoKeyEncrypterDecrypter.",
  },
  spanner.Database,
  (db, { report }) => {
    const config = db.encryptionConfig;
    if (!isSet(config?.kmsKeyName) && !(config?.kmsKeyNames ?? []).some(isSet)) {
      report(
        "encryptionConfig.kmsKeyName is not set, so the database uses Google-managed keys; set it to a Cloud KMS key.",
      );
    }
  },
);
