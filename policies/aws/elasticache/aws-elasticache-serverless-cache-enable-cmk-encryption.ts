import * as elasticache from "@pulumi/aws/elasticache";
import { resourcePolicy } from "../../lib/define";
import { checkEach, mustBeAwsCmk } from "../../lib/conditions";

/**
 * Serverless caches are encrypted with an AWS owned key unless a key is named, which no key policy or CloudTrail
 * record of the platform covers (Checkov CKV_AWS_191 for the same data).
 * @severity high
 * @controls hipaa:164.312(a)(2)(iv), gdpr:art32
 */
export const awsElasticacheServerlessCacheEnableCmkEncryption = resourcePolicy(
  {
    name: "aws-elasticache-serverless-cache-enable-cmk-encryption",
    description: "ElastiCache serverless caches must be encrypted with a customer-managed KMS key.",
    severity: "high",
    controls: ["hipaa:164.312(a)(2)(iv)", "gdpr:art32"],
    remediationSteps:
      "Set `kmsKeyId: <customer-managed key ARN>` on the aws.elasticache.ServerlessCache.",
  },
  elasticache.ServerlessCache,
  (cache, { report }) =>
    checkEach(report, [() => mustBeAwsCmk("kmsKeyId", cache.kmsKeyId, "an AWS owned key")]),
);
