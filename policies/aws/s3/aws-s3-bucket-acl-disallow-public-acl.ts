import * as s3 from "@pulumi/aws/s3";
import { resourcePolicy } from "../../lib/define";

const publicCannedAcls = ["public-read", "public-read-write", "authenticated-read"];
const publicGroups = [
  "http://acs.amazonaws.com/groups/global/AllUsers",
  "http://acs.amazonaws.com/groups/global/AuthenticatedUsers",
];

/**
 * A public ACL grants every internet user (or every AWS account) access to the bucket, bypassing the bucket
 * policy's intent; PHI buckets use bucket-owner-enforced ownership and no ACLs at all.
 * @severity critical
 * @controls hipaa:164.312(a)(1), gdpr:art32
 */
export const awsS3BucketAclDisallowPublicAcl = resourcePolicy(
  {
    name: "aws-s3-bucket-acl-disallow-public-acl",
    description: "S3 bucket ACLs must not grant access to AllUsers or AuthenticatedUsers.",
    severity: "critical",
    controls: ["hipaa:164.312(a)(1)", "gdpr:art32"],
    remediationSteps:
      'Set `acl: "private"` (or remove the aws.s3.BucketAcl and use aws.s3.BucketOwnershipControls with "BucketOwnerEnforced"), and remove grants to the AllUsers and AuthenticatedUsers groups.',
  },
  s3.BucketAcl,
  (acl, { report }) => {
    if (acl.acl !== undefined && publicCannedAcls.includes(acl.acl)) {
      report(`acl is "${acl.acl}"; expected "private".`);
    }
    for (const grant of acl.accessControlPolicy?.grants ?? []) {
      const uri = grant.grantee?.uri;
      if (uri !== undefined && publicGroups.includes(uri)) {
        report(
          `accessControlPolicy grants ${grant.permission} to ${uri}; expected no grants to public groups.`,
        );
      }
    }
  },
);
