import * as bigquery from "@pulumi/gcp/bigquery";
import { resourcePolicy } from "../../lib/define";
import { isSet } from "../lib/shown";

/**
 * Analytics datasets hold extracts of PHI; a default customer-managed key encrypts every new table with a key the
 * organisation controls and can revoke.
 * @severity high
 * @controls hipaa:164.312(a)(2)(iv), gdpr:art32
 */
export const gcpBigqueryDatasetMissingCmek = resourcePolicy(
  {
    name: "gcp-bigquery-dataset-missing-cmek",
    description: "BigQuery datasets must set a default customer-managed encryption key.",
    severity: "high",
    controls: ["hipaa:164.312(a)(2)(iv)", "gdpr:art32"],
    remediationSteps:
      "Set `defaultEncryptionConfiguration.kmsKeyName` to a gcp.kms.CryptoKey id on the gcp.bigquery.Dataset and grant the BigQuery service agent roles/cloudkms.cryptoKeyEncrypterDecrypter.",
  },
  bigquery.Dataset,
  (dataset, { report }) => {
    if (!isSet(dataset.defaultEncryptionConfiguration?.kmsKeyName)) {
      report(
        "defaultEncryptionConfiguration.kmsKeyName is not set, so tables use Google-managed keys; set it to a Cloud KMS key.",
      );
    }
  },
);
