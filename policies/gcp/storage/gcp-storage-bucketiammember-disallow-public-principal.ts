import * as storage from "@pulumi/gcp/storage";
import { disallowPublicMember } from "../lib/principals";

/**
 * A bucket IAM grant to allUsers or allAuthenticatedUsers publishes every object in it to the internet or to anyone
 * with a Google account.
 * @severity critical
 * @controls hipaa:164.312(a)(1), gdpr:art32, gdpr:art25
 */
export const gcpStorageBucketIamMemberDisallowPublicPrincipal = disallowPublicMember(
  {
    name: "gcp-storage-bucketiammember-disallow-public-principal",
    description: "Cloud Storage bucket IAM members must not be allUsers or allAuthenticatedUsers.",
    severity: "critical",
    controls: ["hipaa:164.312(a)(1)", "gdpr:art32", "gdpr:art25"],
    remediationSteps:
      "Replace the gcp.storage.BucketIAMMember's `member` with a named user, group or service account.",
  },
  storage.BucketIAMMember,
  "bucket",
);
