import * as opensearch from "@pulumi/aws/opensearch";
import { resourcePolicy } from "../../lib/define";
import { checkEach, shown } from "../../lib/conditions";

const tls12 = /^Policy-Min-TLS-1-2/;

/**
 * Clients query the domain endpoint with PHI in the request and response; it must refuse plain HTTP and TLS below
 * 1.2 (AWS FSBP OpenSearch.8, Checkov CKV_AWS_83/228).
 * @severity high
 * @controls hipaa:164.312(e)(2)(ii), hipaa:164.312(e)(1), gdpr:art32
 */
export const awsOpensearchDomainEnforceHttps = resourcePolicy(
  {
    name: "aws-opensearch-domain-enforce-https",
    description: "OpenSearch domains must enforce HTTPS with a TLS 1.2 minimum security policy.",
    severity: "high",
    controls: ["hipaa:164.312(e)(2)(ii)", "hipaa:164.312(e)(1)", "gdpr:art32"],
    remediationSteps:
      'Set `domainEndpointOptions: {enforceHttps: true, tlsSecurityPolicy: "Policy-Min-TLS-1-2-PFS-2023-10"}` on the aws.opensearch.Domain.',
  },
  opensearch.Domain,
  (domain, { report }) => {
    const endpoint = domain.domainEndpointOptions;
    checkEach(report, [
      () =>
        endpoint?.enforceHttps === true
          ? undefined
          : `domainEndpointOptions.enforceHttps is ${shown(endpoint?.enforceHttps, "plain HTTP accepted")}; expected true.`,
      () =>
        tls12.test(endpoint?.tlsSecurityPolicy ?? "")
          ? undefined
          : `domainEndpointOptions.tlsSecurityPolicy is ${shown(endpoint?.tlsSecurityPolicy, "the service default Policy-Min-TLS-1-0-2019-07")}; expected a Policy-Min-TLS-1-2 policy.`,
    ]);
  },
);
