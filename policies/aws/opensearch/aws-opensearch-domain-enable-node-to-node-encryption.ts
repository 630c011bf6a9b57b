import * as opensearch from "@pulumi/aws/opensearch";
import { resourcePolicy } from "../../lib/define";
import { checkEach, mustBeTrue } from "../../lib/conditions";

/**
 * Shards replicate documents between data nodes; without node-to-node encryption that traffic crosses the VPC in
 * clear (AWS FSBP OpenSearch.3, Checkov CKV_AWS_6, cdk-nag HIPAA OpenSearchNodeToNodeEncryption).
 * @severity high
 * @controls hipaa:164.312(e)(2)(ii), hipaa:164.312(e)(1), gdpr:art32
 */
export const awsOpensearchDomainEnableNodeToNodeEncryption = resourcePolicy(
  {
    name: "aws-opensearch-domain-enable-node-to-node-encryption",
    description: "OpenSearch domains must encrypt traffic between nodes.",
    severity: "high",
    controls: ["hipaa:164.312(e)(2)(ii)", "hipaa:164.312(e)(1)", "gdpr:art32"],
    remediationSteps: "Set `nodeToNodeEncryption: {enabled: true}` on the aws.opensearch.Domain.",
  },
  opensearch.Domain,
  (domain, { report }) =>
    checkEach(report, [
      () =>
        mustBeTrue(
          "nodeToNodeEncryption.enabled",
          domain.nodeToNodeEncryption?.enabled,
          "the provider default false",
        ),
    ]),
);
