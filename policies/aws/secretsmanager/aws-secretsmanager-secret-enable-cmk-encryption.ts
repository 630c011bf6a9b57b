import * as secretsmanager from "@pulumi/aws/secretsmanager";
import { resourcePolicy } from "../../lib/define";
import { isAwsManagedKey } from "../lib/format";

/**
 * Secrets unlock the PHI stores; encrypting them with a customer-managed key adds the key policy as a second gate,
 * and is required to share a secret across accounts.
 * @severity high
 * @controls hipaa:164.312(a)(2)(iv), gdpr:art32
 */
export const awsSecretsmanagerSecretEnableCmkEncryption = resourcePolicy(
  {
    name: "aws-secretsmanager-secret-enable-cmk-encryption",
    description: "Secrets Manager secrets must be encrypted with a customer-managed KMS key.",
    severity: "high",
    controls: ["hipaa:164.312(a)(2)(iv)", "gdpr:art32"],
    remediationSteps:
      'Set `kmsKeyId` to the ARN of a customer-managed aws.kms.Key (not "alias/aws/secretsmanager") on the aws.secretsmanager.Secret.',
  },
  secretsmanager.Secret,
  (resource, { report }) => {
    const key = resource.kmsKeyId;
    if (key === undefined) {
      report(
        "kmsKeyId is not set; expected the ARN of a customer-managed KMS key (not alias/aws/secretsmanager).",
      );
    } else if (isAwsManagedKey(key)) {
      report(`kmsKeyId is "${key}", an AWS managed key; expected a customer-managed KMS key.`);
    }
  },
);
