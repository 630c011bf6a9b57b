import * as opensearch from "@pulumi/aws/opensearch";
import { resourcePolicy } from "../../lib/define";
import { checkEach } from "../../lib/conditions";

/**
 * A domain without vpcOptions gets a public endpoint whose only guard is its access policy; placed in a VPC it is
 * reachable only from the platform's network (AWS FSBP OpenSearch.2, cdk-nag HIPAA
 * OpenSearchInVPCOnly).
 * @severity critical
 * @controls hipaa:164.312(a)(1), hipaa:164.312(e)(1), gdpr:art32
 */
export const awsOpensearchDomainEnableVpc = resourcePolicy(
  {
    name: "aws-opensearch-domain-enable-vpc",
    description: "OpenSearch domains must be placed in a VPC (vpcOptions.subnetIds).",
    severity: "critical",
    controls: ["hipaa:164.312(a)(1)", "hipaa:164.312(e)(1)", "gdpr:art32"],
    remediationSteps:
      "Set `vpcOptions: {subnetIds: [...private subnets], securityGroupIds: [...]}` on the aws.opensearch.Domain.",
  },
  opensearch.Domain,
  (domain, { report }) =>
    checkEach(report, [
      () =>
        (domain.vpcOptions?.subnetIds ?? []).length > 0
          ? undefined
          : "vpcOptions.subnetIds is not set, so the domain has a public endpoint; expected private subnets.",
    ]),
);
