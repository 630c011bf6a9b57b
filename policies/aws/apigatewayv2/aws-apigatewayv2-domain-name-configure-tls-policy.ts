import * as apigatewayv2 from "@pulumi/aws/apigatewayv2";
import { resourcePolicy } from "../../lib/define";

/**
 * The custom domain is where patients' apps connect; it must refuse TLS 1.0 and 1.1, which have known weaknesses.
 * @severity high
 * @controls hipaa:164.312(e)(2)(ii), hipaa:164.312(e)(1)
 */
export const awsApigatewayv2DomainNameConfigureTlsPolicy = resourcePolicy(
  {
    name: "aws-apigatewayv2-domain-name-configure-tls-policy",
    description: "API Gateway v2 custom domains must use a TLS 1.2 or newer security policy.",
    severity: "high",
    controls: ["hipaa:164.312(e)(2)(ii)", "hipaa:164.312(e)(1)"],
    remediationSteps:
      'Set `domainNameConfiguration.securityPolicy: "TLS_1_2"` on the aws.apigatewayv2.DomainName.',
  },
  apigatewayv2.DomainName,
  (domain, { report }) => {
    const policy = domain.domainNameConfiguration.securityPolicy;
    if (policy !== "TLS_1_2" && !/^SecurityPolicy_TLS1[23]_/.test(policy)) {
      report(
        `domainNameConfiguration.securityPolicy is ${JSON.stringify(policy)}; expected "TLS_1_2" or newer.`,
      );
    }
  },
);
