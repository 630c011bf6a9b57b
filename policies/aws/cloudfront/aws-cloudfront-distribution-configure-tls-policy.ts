import * as cloudfront from "@pulumi/aws/cloudfront";
import { resourcePolicy } from "../../lib/define";
import { checkEach, shown } from "../../lib/conditions";

const modern = /^TLSv1\.2_20(19|21|25)$/;

/**
 * The default CloudFront certificate, and policies older than TLSv1.2_2019, still negotiate TLS 1.0 and 1.1 with
 * viewers (Checkov CKV_AWS_174).
 * @severity high
 * @controls hipaa:164.312(e)(2)(ii), hipaa:164.312(e)(1), gdpr:art32
 */
export const awsCloudfrontDistributionConfigureTlsPolicy = resourcePolicy(
  {
    name: "aws-cloudfront-distribution-configure-tls-policy",
    description:
      "CloudFront distributions must use their own certificate with minimumProtocolVersion TLSv1.2_2019 or newer.",
    severity: "high",
    controls: ["hipaa:164.312(e)(2)(ii)", "hipaa:164.312(e)(1)", "gdpr:art32"],
    remediationSteps:
      'Set `viewerCertificate: {acmCertificateArn, sslSupportMethod: "sni-only", minimumProtocolVersion: "TLSv1.2_2021"}` on the aws.cloudfront.Distribution.',
  },
  cloudfront.Distribution,
  (dist, { report }) => {
    const cert = dist.viewerCertificate;
    checkEach(report, [
      () =>
        cert.cloudfrontDefaultCertificate === true
          ? "viewerCertificate.cloudfrontDefaultCertificate is true, which accepts TLS 1.0; expected an ACM certificate with minimumProtocolVersion TLSv1.2_2021."
          : modern.test(cert.minimumProtocolVersion ?? "")
            ? undefined
            : `viewerCertificate.minimumProtocolVersion is ${shown(cert.minimumProtocolVersion, "the provider default TLSv1")}; expected TLSv1.2_2019 or newer.`,
    ]);
  },
);
