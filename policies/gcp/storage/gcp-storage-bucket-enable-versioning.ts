import * as storage from "@pulumi/gcp/storage";
import { resourcePolicy } from "../../lib/define";
import { shown } from "../lib/shown";

/**
 * With versioning, an overwritten or deleted PHI object is kept as a noncurrent version and can be restored, so a
 * mistake or a malicious overwrite does not destroy the record (pair it with a lifecycle rule that ends noncurrent
 * versions, so erasure completes).
 * @severity medium
 * @controls hipaa:164.308(a)(7), hipaa:164.312(c)(1), gdpr:art32
 */
export const gcpStorageBucketEnableVersioning = resourcePolicy(
  {
    name: "gcp-storage-bucket-enable-versioning",
    description: "Cloud Storage buckets should enable object versioning.",
    severity: "medium",
    controls: ["hipaa:164.308(a)(7)", "hipaa:164.312(c)(1)", "gdpr:art32"],
    remediationSteps:
      "Set `versioning: { enabled: true }` on the gcp.storage.Bucket, with a `lifecycleRules` entry that deletes noncurrent versions after the erasure window.",
  },
  storage.Bucket,
  (bucket, { report }) => {
    if (bucket.versioning?.enabled !== true) {
      report(
        `versioning.enabled is ${shown(bucket.versioning?.enabled, "versioning is off")}; set it to true.`,
      );
    }
  },
);
