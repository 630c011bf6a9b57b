import * as cloudfront from "@pulumi/aws/cloudfront";
import { resourcePolicy } from "../../lib/define";
import { checkEach, mustBeSet } from "../../lib/conditions";

/**
 * A public distribution in front of PHI APIs or portals needs a web ACL to filter injection, credential stuffing
 * and bot traffic before it reaches the origin (AWS FSBP CloudFront.6, Checkov CKV_AWS_68).
 * @severity medium
 * @controls hipaa:164.312(a)(1), hipaa:164.312(e)(1), gdpr:art32
 */
export const awsCloudfrontDistributionEnableWaf = resourcePolicy(
  {
    name: "aws-cloudfront-distribution-enable-waf",
    description: "CloudFront distributions must be associated with an AWS WAF web ACL.",
    severity: "medium",
    controls: ["hipaa:164.312(a)(1)", "hipaa:164.312(e)(1)", "gdpr:art32"],
    remediationSteps:
      "Set `webAclId: <aws.wafv2.WebAcl ARN (scope CLOUDFRONT)>` on the aws.cloudfront.Distribution.",
  },
  cloudfront.Distribution,
  (dist, { report }) =>
    checkEach(report, [
      () => mustBeSet("webAclId", dist.webAclId, "no web ACL", "a WAFv2 web ACL ARN"),
    ]),
);
