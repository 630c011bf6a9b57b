import * as s3 from "@pulumi/aws/s3";
import { resourcePolicy } from "../../lib/define";
import { missingPublicAccessFlags } from "../../lib/s3";

/**
 * The account-level block is the backstop for every bucket, including ones created outside this program; each of
 * its four settings closes a different path to public data.
 * @severity critical
 * @controls hipaa:164.312(a)(1), hipaa:164.312(e)(1), gdpr:art32
 */
export const awsS3AccountPublicAccessBlockEnableAllSettings = resourcePolicy(
  {
    name: "aws-s3-account-public-access-block-enable-all-settings",
    description: "The S3 account public access block must turn on all four settings.",
    severity: "critical",
    controls: ["hipaa:164.312(a)(1)", "hipaa:164.312(e)(1)", "gdpr:art32"],
    remediationSteps:
      "Set `blockPublicAcls`, `blockPublicPolicy`, `ignorePublicAcls` and `restrictPublicBuckets` to true on the aws.s3.AccountPublicAccessBlock.",
  },
  s3.AccountPublicAccessBlock,
  (block, { report }) => {
    const off = missingPublicAccessFlags(block);
    if (off.length > 0) {
      report(
        `${off.join(", ")} ${off.length === 1 ? "is" : "are"} not true; expected all four settings true.`,
      );
    }
  },
);
