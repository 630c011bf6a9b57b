import * as storage from "@pulumi/gcp/storage";
import { resourcePolicy } from "../../lib/define";
import { shown } from "../lib/shown";

/**
 * Public access prevention makes Cloud Storage refuse any grant to allUsers or allAuthenticatedUsers on the bucket
 * and its objects; "inherited" protects the bucket only when an organisation policy happens to require it.
 * @severity high
 * @controls hipaa:164.312(a)(1), gdpr:art32, gdpr:art25
 */
export const gcpStorageBucketEnforcePublicAccessPrevention = resourcePolicy(
  {
    name: "gcp-storage-bucket-enforce-public-access-prevention",
    description:
      'Cloud Storage buckets must enforce public access prevention (publicAccessPrevention "enforced").',
    severity: "high",
    controls: ["hipaa:164.312(a)(1)", "gdpr:art32", "gdpr:art25"],
    remediationSteps: 'Set `publicAccessPrevention: "enforced"` on the gcp.storage.Bucket.',
  },
  storage.Bucket,
  (bucket, { report }) => {
    if (bucket.publicAccessPrevention !== "enforced") {
      report(
        `publicAccessPrevention is ${shown(bucket.publicAccessPrevention, 'defaults to "inherited"')}; set it to "enforced".`,
      );
    }
  },
);
