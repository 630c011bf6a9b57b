import * as iam from "@pulumi/aws/iam";
import { resourcePolicy } from "../../lib/define";
import { configOf } from "../lib/format";
import { phiServices, serviceWildcardStatements, grantsCheck } from "../lib/statements";

/**
 * A service-wide wildcard on Resource "*" for a PHI service (kms:*, dynamodb:*, kinesis:*, s3:*, secretsmanager:*)
 * reaches every key, table, stream, bucket and secret in the account, not only the ones the workload needs.
 * @severity high
 * @controls hipaa:164.312(a)(1), gdpr:art32
 */
export const awsIamPolicyDisallowPhiServiceWildcard = resourcePolicy(
  {
    name: "aws-iam-policy-disallow-phi-service-wildcard",
    description:
      'IAM managed policies must not allow a PHI service\'s wildcard (kms:*, dynamodb:*, kinesis:*, ...) on Resource "*".',
    severity: "high",
    controls: ["hipaa:164.312(a)(1)", "gdpr:art32"],
    remediationSteps:
      "In the aws.iam.Policy, grant the named actions (for example kinesis:PutRecord, dynamodb:GetItem, kms:Decrypt) on the ARNs of the specific keys, tables and streams.",
    configSchema: {
      properties: {
        services: {
          type: "array",
          items: { type: "string" },
          default: phiServices,
          description:
            'Service prefixes whose service-wide wildcard may not be granted on Resource "*".',
        },
      },
    },
  },
  iam.Policy,
  grantsCheck((document, args) =>
    serviceWildcardStatements(document, configOf(args, { services: phiServices }).services),
  ),
);
