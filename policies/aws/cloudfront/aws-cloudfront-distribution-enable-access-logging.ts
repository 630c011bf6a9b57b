import * as cloudfront from "@pulumi/aws/cloudfront";
import { resourcePolicy } from "../../lib/define";
import { checkEach } from "../../lib/conditions";

/**
 * Standard logs record every viewer request (client address, path, status); without them access to PHI served
 * through the distribution cannot be reviewed (AWS FSBP CloudFront.5, Checkov CKV_AWS_86).
 * @severity medium
 * @controls hipaa:164.312(b), hipaa:164.308(a)(1)(ii)(D), gdpr:art33
 */
export const awsCloudfrontDistributionEnableAccessLogging = resourcePolicy(
  {
    name: "aws-cloudfront-distribution-enable-access-logging",
    description: "CloudFront distributions must write access logs to a bucket.",
    severity: "medium",
    controls: ["hipaa:164.312(b)", "hipaa:164.308(a)(1)(ii)(D)", "gdpr:art33"],
    remediationSteps:
      "Set `loggingConfig: {bucket: <log bucket domain name>, prefix}` on the aws.cloudfront.Distribution.",
  },
  cloudfront.Distribution,
  (dist, { report }) =>
    checkEach(report, [
      () =>
        typeof dist.loggingConfig?.bucket === "string" && dist.loggingConfig.bucket !== ""
          ? undefined
          : "loggingConfig.bucket is not set; expected an S3 bucket for access logs.",
    ]),
);
