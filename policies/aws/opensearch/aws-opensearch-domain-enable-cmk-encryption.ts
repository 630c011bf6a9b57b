import * as opensearch from "@pulumi/aws/opensearch";
import { resourcePolicy } from "../../lib/define";
import { checkEach, mustBeAwsCmk, mustBeTrue } from "../../lib/conditions";

/**
 * Search indexes copy the records they make searchable; an OpenSearch domain is unencrypted at rest when the
 * encryptAtRest block is left out, and the aws/es managed key otherwise (AWS FSBP OpenSearch.1, Checkov
 * CKV_AWS_5/247, cdk-nag HIPAA OpenSearchEncryptedAtRest).
 * @severity high
 * @controls hipaa:164.312(a)(2)(iv), gdpr:art32
 */
export const awsOpensearchDomainEnableCmkEncryption = resourcePolicy(
  {
    name: "aws-opensearch-domain-enable-cmk-encryption",
    description: "OpenSearch domains must encrypt data at rest with a customer-managed KMS key.",
    severity: "high",
    controls: ["hipaa:164.312(a)(2)(iv)", "gdpr:art32"],
    remediationSteps:
      "Set `encryptAtRest: {enabled: true, kmsKeyId: <customer-managed key ARN>}` on the aws.opensearch.Domain.",
  },
  opensearch.Domain,
  (domain, { report }) =>
    checkEach(report, [
      () =>
        mustBeTrue(
          "encryptAtRest.enabled",
          domain.encryptAtRest?.enabled,
          "the provider default false without the block",
        ),
      () =>
        mustBeAwsCmk(
          "encryptAtRest.kmsKeyId",
          domain.encryptAtRest?.kmsKeyId,
          "the AWS managed aws/es key",
        ),
    ]),
);
