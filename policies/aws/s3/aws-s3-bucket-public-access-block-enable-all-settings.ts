import * as s3 from "@pulumi/aws/s3";
import { resourcePolicy } from "../../lib/define";
import { missingPublicAccessFlags } from "../../lib/s3";

/**
 * Each of the four settings closes a different path to a public bucket (new public ACLs, existing ACLs, public
 * policies, cross-account access through a public policy); leaving one open is enough to publish PHI.
 * @severity critical
 * @controls hipaa:164.312(a)(1), hipaa:164.312(e)(1), gdpr:art32
 */
export const awsS3BucketPublicAccessBlockEnableAllSettings = resourcePolicy(
  {
    name: "aws-s3-bucket-public-access-block-enable-all-settings",
    description: "S3 public access blocks must turn on all four settings.",
    severity: "critical",
    controls: ["hipaa:164.312(a)(1)", "hipaa:164.312(e)(1)", "gdpr:art32"],
    remediationSteps:
      "Set `blockPublicAcls`, `blockPublicPolicy`, `ignorePublicAcls` and `restrictPublicBuckets` to true on the aws.s3.BucketPublicAccessBlock.",
  },
  s3.BucketPublicAccessBlock,
  (block, { report }) => {
    const off = missingPublicAccessFlags(block);
    if (off.length > 0) {
      report(
        `${off.join(", ")} ${off.length === 1 ? "is" : "are"} not true; expected all four settings true.`,
      );
    }
  },
);
