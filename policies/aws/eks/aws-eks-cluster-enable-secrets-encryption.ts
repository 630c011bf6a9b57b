import * as eks from "@pulumi/aws/eks";
import { resourcePolicy } from "../../lib/define";
import { checkEach, mustBeAwsCmk } from "../../lib/conditions";

/**
 * Kubernetes Secrets hold database passwords and API keys for PHI services; without envelope encryption with a KMS
 * key they sit in etcd under only the service's default encryption (AWS FSBP EKS.3, Checkov CKV_AWS_58).
 * @severity high
 * @controls hipaa:164.312(a)(2)(iv), gdpr:art32
 */
export const awsEksClusterEnableSecretsEncryption = resourcePolicy(
  {
    name: "aws-eks-cluster-enable-secrets-encryption",
    description: 'EKS clusters must envelope-encrypt "secrets" with a customer-managed KMS key.',
    severity: "high",
    controls: ["hipaa:164.312(a)(2)(iv)", "gdpr:art32"],
    remediationSteps:
      'Set `encryptionConfig: {resources: ["secrets"], provider: {keyArn: <customer-managed key ARN>}}` on the aws.eks.Cluster.',
  },
  eks.Cluster,
  (cluster, { report }) =>
    checkEach(report, [
      () =>
        (cluster.encryptionConfig?.resources ?? []).includes("secrets")
          ? mustBeAwsCmk(
              "encryptionConfig.provider.keyArn",
              cluster.encryptionConfig?.provider?.keyArn,
              "no key",
            )
          : 'encryptionConfig.resources does not include "secrets"; expected secrets envelope-encrypted with a customer-managed KMS key.',
    ]),
);
