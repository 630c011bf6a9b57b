import * as cloudfront from "@pulumi/aws/cloudfront";
import { resourcePolicy } from "../../lib/define";
import { checkEach } from "../../lib/conditions";

const weak = ["SSLv3", "TLSv1", "TLSv1.1"];

/**
 * Between CloudFront and a custom origin PHI travels over the internet; the origin connection must be HTTPS only,
 * without SSLv3, TLS 1.0 or 1.1 (AWS FSBP CloudFront.9 and CloudFront.10).
 * @severity high
 * @controls hipaa:164.312(e)(2)(ii), hipaa:164.312(e)(1), gdpr:art32
 */
export const awsCloudfrontDistributionEnforceHttpsOrigins = resourcePolicy(
  {
    name: "aws-cloudfront-distribution-enforce-https-origins",
    description:
      'CloudFront custom origins must use originProtocolPolicy "https-only" without SSLv3, TLSv1 or TLSv1.1.',
    severity: "high",
    controls: ["hipaa:164.312(e)(2)(ii)", "hipaa:164.312(e)(1)", "gdpr:art32"],
    remediationSteps:
      'Set `customOriginConfig: {originProtocolPolicy: "https-only", originSslProtocols: ["TLSv1.2"], ...}` on every custom origin of the aws.cloudfront.Distribution.',
  },
  cloudfront.Distribution,
  (dist, { report }) =>
    checkEach(
      report,
      dist.origins.map((origin) => () => {
        const custom = origin.customOriginConfig;
        if (custom === undefined) {
          return undefined;
        }
        const found: string[] = [];
        if (custom.originProtocolPolicy !== "https-only") {
          found.push(
            `origins ${origin.originId} customOriginConfig.originProtocolPolicy is ${JSON.stringify(custom.originProtocolPolicy)}; expected "https-only".`,
          );
        }
        const old = custom.originSslProtocols.filter((p) => weak.includes(p));
        if (old.length > 0) {
          found.push(
            `origins ${origin.originId} customOriginConfig.originSslProtocols includes ${old.join(", ")}; expected only TLSv1.2.`,
          );
        }
        return found;
      }),
    ),
);
