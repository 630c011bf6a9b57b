import * as sql from "@pulumi/gcp/sql";
import { resourcePolicy } from "../../lib/define";
import { isSet } from "../lib/shown";

/**
 * A customer-managed key on the instance covers its disks, backups and replicas, so revoking the key revokes access
 * to every copy of the PHI it holds; it can only be chosen when the instance is created.
 * @severity high
 * @controls hipaa:164.312(a)(2)(iv), gdpr:art32
 */
export const gcpSqlDatabaseInstanceMissingCmek = resourcePolicy(
  {
    name: "gcp-sql-databaseinstance-missing-cmek",
    description: "Cloud SQL instances must be encrypted with a customer-managed Cloud KMS key.",
    severity: "high",
    controls: ["hipaa:164.312(a)(2)(iv)", "gdpr:art32"],
    remediationSteps:
      "Set `encryptionKeyName` to a gcp.kms.CryptoKey id in the instance's region on the gcp.sql.DatabaseInstance, and grant the Cloud SQL service agent roles/cloudkms.cryptoKeyEncrypterDecrypter on the key.",
  },
  sql.DatabaseInstance,
  (instance, { report }) => {
    if (!isSet(instance.encryptionKeyName)) {
      report(
        "encryptionKeyName is not set, so the instance uses Google-managed keys; set it to a Cloud KMS key.",
      );
    }
  },
);
