import * as s3 from "@pulumi/aws/s3";
import { resourcePolicy } from "../../lib/define";

const publicCannedAcls = ["public-read", "public-read-write", "authenticated-read"];
const publicGroups = [
  "http://acs.amazonaws.com/groups/global/AllUsers",
  "http://acs.amazonaws.com/groups/global/AuthenticatedUsers",
];

/**
 * In @pulumi/aws v7 a bucket's ACL can still be set inline through the deprecated `acl` and `grants` arguments,
 * which the aws.s3.BucketAcl policy never sees; a public inline ACL publishes PHI just the same.
 * @severity critical
 * @controls hipaa:164.312(a)(1), gdpr:art32
 */
export const awsS3BucketDisallowPublicAcl = resourcePolicy(
  {
    name: "aws-s3-bucket-disallow-public-acl",
    description:
      "S3 buckets must not set a public ACL inline (deprecated `acl` or `grants` to AllUsers or AuthenticatedUsers).",
    severity: "critical",
    controls: ["hipaa:164.312(a)(1)", "gdpr:art32"],
    remediationSteps:
      'Remove `acl` and `grants` from the aws.s3.Bucket; use aws.s3.BucketOwnershipControls with "BucketOwnerEnforced" and an aws.s3.BucketPublicAccessBlock with all four settings true.',
  },
  s3.Bucket,
  (bucket, { report }) => {
    if (bucket.acl !== undefined && publicCannedAcls.includes(bucket.acl)) {
      report(`acl is "${bucket.acl}"; expected no public ACL ("private" or none).`);
    }
    for (const grant of bucket.grants ?? []) {
      if (grant.uri !== undefined && publicGroups.includes(grant.uri)) {
        report(
          `grants give ${JSON.stringify(grant.permissions)} to ${grant.uri}; expected no grants to public groups.`,
        );
      }
    }
  },
);
