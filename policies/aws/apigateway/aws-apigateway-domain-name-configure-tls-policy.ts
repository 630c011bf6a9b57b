import * as apigateway from "@pulumi/aws/apigateway";
import { resourcePolicy } from "../../lib/define";
import { shown } from "../lib/format";

/**
 * REST API custom domains historically accepted TLS 1.0; the security policy must refuse versions with known
 * weaknesses on the endpoint patients' apps connect to.
 * @severity high
 * @controls hipaa:164.312(e)(2)(ii), hipaa:164.312(e)(1)
 */
export const awsApigatewayDomainNameConfigureTlsPolicy = resourcePolicy(
  {
    name: "aws-apigateway-domain-name-configure-tls-policy",
    description: "API Gateway REST custom domains must use a TLS 1.2 or newer security policy.",
    severity: "high",
    controls: ["hipaa:164.312(e)(2)(ii)", "hipaa:164.312(e)(1)"],
    remediationSteps:
      'Set `securityPolicy: "TLS_1_2"` (or a "SecurityPolicy_TLS13_..." policy) on the aws.apigateway.DomainName.',
  },
  apigateway.DomainName,
  (domain, { report }) => {
    const policy = domain.securityPolicy;
    if (
      policy === undefined ||
      (policy !== "TLS_1_2" && !/^SecurityPolicy_TLS1[23]_/.test(policy))
    ) {
      report(`securityPolicy is ${shown(policy)}; expected "TLS_1_2" or newer.`);
    }
  },
);
