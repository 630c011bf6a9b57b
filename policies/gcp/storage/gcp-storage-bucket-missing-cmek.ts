import * as storage from "@pulumi/gcp/storage";
import { resourcePolicy } from "../../lib/define";
import { isSet } from "../lib/shown";

/**
 * Buckets hold PHI documents, exports and images; a default customer-managed key lets the organisation revoke
 * access to every object at once and shows each use of the key in Cloud KMS audit logs.
 * @severity high
 * @controls hipaa:164.312(a)(2)(iv), gdpr:art32
 */
export const gcpStorageBucketMissingCmek = resourcePolicy(
  {
    name: "gcp-storage-bucket-missing-cmek",
    description:
      "Cloud Storage buckets must encrypt objects with a customer-managed Cloud KMS key by default.",
    severity: "high",
    controls: ["hipaa:164.312(a)(2)(iv)", "gdpr:art32"],
    remediationSteps:
      "Set `encryption.defaultKmsKeyName` to a gcp.kms.CryptoKey id in the bucket's location on the gcp.storage.Bucket, and grant the Cloud Storage service agent roles/cloudkms.cryptoKeyEncrypterDecrypter on the key.",
  },
  storage.Bucket,
  (bucket, { report }) => {
    if (!isSet(bucket.encryption?.defaultKmsKeyName)) {
      report(
        "encryption.defaultKmsKeyName is not set, so objects use Google-managed keys; set it to a Cloud KMS key.",
      );
    }
  },
);
