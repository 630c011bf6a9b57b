import * as cloudfront from "@pulumi/aws/cloudfront";
import { resourcePolicy } from "../../lib/define";
import { checkEach } from "../../lib/conditions";

/**
 * A cache behavior with viewerProtocolPolicy allow-all serves patient-facing pages and API responses over plain
 * HTTP (AWS FSBP CloudFront.3, Checkov CKV_AWS_34).
 * @severity high
 * @controls hipaa:164.312(e)(2)(ii), hipaa:164.312(e)(1), gdpr:art32
 */
export const awsCloudfrontDistributionEnforceHttpsViewers = resourcePolicy(
  {
    name: "aws-cloudfront-distribution-enforce-https-viewers",
    description:
      "CloudFront distributions must serve every cache behavior over HTTPS (redirect-to-https or https-only).",
    severity: "high",
    controls: ["hipaa:164.312(e)(2)(ii)", "hipaa:164.312(e)(1)", "gdpr:art32"],
    remediationSteps:
      'Set `viewerProtocolPolicy: "redirect-to-https"` (or "https-only") on the default and every ordered cache behavior of the aws.cloudfront.Distribution.',
  },
  cloudfront.Distribution,
  (dist, { report }) =>
    checkEach(report, [
      () =>
        dist.defaultCacheBehavior.viewerProtocolPolicy === "allow-all"
          ? 'defaultCacheBehavior.viewerProtocolPolicy is "allow-all"; expected "redirect-to-https" or "https-only".'
          : undefined,
      ...(dist.orderedCacheBehaviors ?? []).map(
        (b) => () =>
          b.viewerProtocolPolicy === "allow-all"
            ? `orderedCacheBehaviors ${JSON.stringify(b.pathPattern)} viewerProtocolPolicy is "allow-all"; expected "redirect-to-https" or "https-only".`
            : undefined,
      ),
    ]),
);
