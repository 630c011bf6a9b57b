import { stackPolicy } from "../lib/define";
import { aws } from "./lib/types";
import { attachedTo, ofType, props, judgeEach } from "./lib/resources";
import { deniesInsecureTransport, publicAccessOf } from "./lib/s3";

/**
 * A bucket is private only when a public access block with all four flags covers it (its own
 * BucketPublicAccessBlock or the account-level block), and its data moves only over TLS when its bucket policy denies
 * `aws:SecureTransport = false`; both are separate resources in @pulumi/aws v7, so only the whole stack shows them.
 * @severity critical
 * @controls hipaa:164.312(a)(1), hipaa:164.312(e)(1), hipaa:164.312(e)(2)(ii), gdpr:art32
 */
export const stackS3BucketEnforcePrivateTlsOnly = stackPolicy(
  {
    name: "stack-s3-bucket-enforce-private-tls-only",
    description:
      "Every S3 bucket must be covered by a public access block with all four flags true and have a bucket policy that denies requests without TLS.",
    severity: "critical",
    controls: [
      "hipaa:164.312(a)(1)",
      "hipaa:164.312(e)(1)",
      "hipaa:164.312(e)(2)(ii)",
      "gdpr:art32",
    ],
    remediationSteps:
      'Add `new aws.s3.BucketPublicAccessBlock(name, { bucket: bucket.id, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true })` (or an aws.s3.AccountPublicAccessBlock) and an aws.s3.BucketPolicy with a Deny statement for all principals on the bucket and its objects with Condition `{ Bool: { "aws:SecureTransport": "false" } }`.',
  },
  ({ args, report }) => {
    const policies = ofType(args.resources, aws.bucketPolicy);
    judgeEach(ofType(args.resources, aws.bucket, aws.bucketV2), (bucket) => {
      const access = publicAccessOf(bucket, args.resources);
      if (!access.blocked) {
        report(
          `S3 bucket ${bucket.name} is not covered by a complete public access block: ${access.detail}; expected blockPublicAcls, blockPublicPolicy, ignorePublicAcls and restrictPublicBuckets all true.`,
          bucket.urn,
        );
      }
      const attached = attachedTo(bucket, policies, "bucket");
      if (attached.length === 0) {
        report(
          `S3 bucket ${bucket.name} has no BucketPolicy; expected one that denies requests with aws:SecureTransport false.`,
          bucket.urn,
        );
      } else if (!attached.some((p) => deniesInsecureTransport(props(p).policy))) {
        report(
          `S3 bucket ${bucket.name}'s policy ${attached.map((p) => p.name).join(", ")} does not deny requests with aws:SecureTransport false; expected a Deny statement with Condition Bool aws:SecureTransport "false".`,
          bucket.urn,
        );
      }
    });
  },
);
