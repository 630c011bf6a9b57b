import * as storage from "@pulumi/gcp/storage";
import { resourcePolicy } from "../../lib/define";
import { shown } from "../lib/shown";

/**
 * Without uniform bucket-level access, object ACLs can grant access that the bucket's IAM policy does not show, so a
 * single PHI object can be shared or made public without anyone reviewing IAM noticing.
 * @severity high
 * @controls hipaa:164.312(a)(1), gdpr:art32, gdpr:art25
 */
export const gcpStorageBucketEnableUniformBucketLevelAccess = resourcePolicy(
  {
    name: "gcp-storage-bucket-enable-uniform-bucket-level-access",
    description:
      "Cloud Storage buckets must enable uniform bucket-level access (IAM only, no object ACLs).",
    severity: "high",
    controls: ["hipaa:164.312(a)(1)", "gdpr:art32", "gdpr:art25"],
    remediationSteps: "Set `uniformBucketLevelAccess: true` on the gcp.storage.Bucket.",
  },
  storage.Bucket,
  (bucket, { report }) => {
    if (bucket.uniformBucketLevelAccess !== true) {
      report(
        `uniformBucketLevelAccess is ${shown(bucket.uniformBucketLevelAccess, "defaults to false")}; set it to true.`,
      );
    }
  },
);
