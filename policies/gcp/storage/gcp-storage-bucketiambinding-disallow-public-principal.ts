import * as storage from "@pulumi/gcp/storage";
import { disallowPublicMembers } from "../lib/principals";

/**
 * A bucket IAM binding that includes allUsers or allAuthenticatedUsers publishes every object in it to the internet
 * or to anyone with a Google account.
 * @severity critical
 * @controls hipaa:164.312(a)(1), gdpr:art32, gdpr:art25
 */
export const gcpStorageBucketIamBindingDisallowPublicPrincipal = disallowPublicMembers(
  {
    name: "gcp-storage-bucketiambinding-disallow-public-principal",
    description:
      "Cloud Storage bucket IAM bindings must not include allUsers or allAuthenticatedUsers.",
    severity: "critical",
    controls: ["hipaa:164.312(a)(1)", "gdpr:art32", "gdpr:art25"],
    remediationSteps:
      "Remove allUsers and allAuthenticatedUsers from the gcp.storage.BucketIAMBinding's `members`.",
  },
  storage.BucketIAMBinding,
  "bucket",
);
