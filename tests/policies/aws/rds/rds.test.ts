import * as policies from "../../../../policies/aws/rds";
import { describePolicy, unknown } from "../cases";

const instance = "aws:rds/instance:Instance";
const cluster = "aws:rds/cluster:Cluster";
const i = (props: Record<string, unknown> = {}) => ({
  instanceClass: "db.t4g.medium",
  engine: "postgres",
  ...props,
});
const c = (props: Record<string, unknown> = {}) => ({ engine: "aurora-postgresql", ...props });
const key = "arn:aws:kms:eu-central-1:123456789012:key/0000";
const enc = "(Control ID: HIPAA 164.312(a)(2)(iv); GDPR Art. 32)";

(
  [
    [policies.awsRdsInstanceEnableStorageEncryption, instance, i],
    [policies.awsRdsClusterEnableStorageEncryption, cluster, c],
  ] as const
).forEach(([policy, type, make]) =>
  describePolicy(policy, {
    type,
    compliant: [make({ storageEncrypted: true, kmsKeyId: key })],
    nonCompliant: [
      [
        "unencrypted",
        make({ storageEncrypted: false }),
        [`storageEncrypted is false; expected true with a customer-managed kmsKeyId. ${enc}`],
      ],
      [
        "the AWS managed key",
        make({ storageEncrypted: true }),
        [
          `storageEncrypted is true but kmsKeyId is not set (the AWS managed aws/rds key); expected a customer-managed KMS key ARN. ${enc}`,
        ],
      ],
    ],
    absent: [
      make(),
      [`storageEncrypted is not set; expected true with a customer-managed kmsKeyId. ${enc}`],
    ],
    unknown: [make({ storageEncrypted: true, kmsKeyId: unknown })],
  }),
);

const network = "(Control ID: HIPAA 164.312(e)(1); HIPAA 164.312(a)(1); GDPR Art. 32)";
(
  [
    [policies.awsRdsInstanceDisablePublicAccess, instance, i],
    [
      policies.awsRdsClusterInstanceDisablePublicAccess,
      "aws:rds/clusterInstance:ClusterInstance",
      (p: Record<string, unknown> = {}) => ({
        clusterIdentifier: "c",
        instanceClass: "db.r6g.large",
        engine: "aurora-postgresql",
        ...p,
      }),
    ],
  ] as const
).forEach(([policy, type, make]) =>
  describePolicy(policy, {
    type,
    compliant: [make({ publiclyAccessible: false })],
    nonCompliant: [
      [
        "public",
        make({ publiclyAccessible: true }),
        [`publiclyAccessible is true; expected false. ${network}`],
      ],
    ],
    absent: [make(), []],
    unknown: [make({ publiclyAccessible: unknown })],
  }),
);

const backup = "(Control ID: HIPAA 164.308(a)(7); GDPR Art. 32)";
(
  [
    [policies.awsRdsInstanceConfigureBackupRetention, instance, i],
    [policies.awsRdsClusterConfigureBackupRetention, cluster, c],
  ] as const
).forEach(([policy, type, make]) =>
  describePolicy(policy, {
    type,
    compliant: [make({ backupRetentionPeriod: 7 }), make({ backupRetentionPeriod: 35 })],
    nonCompliant: [
      [
        "one day",
        make({ backupRetentionPeriod: 1 }),
        [`backupRetentionPeriod is 1; expected at least 7 days. ${backup}`],
      ],
    ],
    absent: [make(), [`backupRetentionPeriod is not set; expected at least 7 days. ${backup}`]],
    config: [
      [
        "minBackupRetentionDays 14 rejects 7",
        { minBackupRetentionDays: 14 },
        make({ backupRetentionPeriod: 7 }),
        [`backupRetentionPeriod is 7; expected at least 14 days. ${backup}`],
      ],
      [
        "minBackupRetentionDays 3 accepts 3",
        { minBackupRetentionDays: 3 },
        make({ backupRetentionPeriod: 3 }),
        [],
      ],
    ],
    unknown: [make({ backupRetentionPeriod: unknown })],
  }),
);

const protect = "(Control ID: HIPAA 164.308(a)(7); HIPAA 164.312(c)(1))";
(
  [
    [policies.awsRdsInstanceEnableDeletionProtection, instance, i],
    [policies.awsRdsClusterEnableDeletionProtection, cluster, c],
  ] as const
).forEach(([policy, type, make]) =>
  describePolicy(policy, {
    type,
    compliant: [make({ deletionProtection: true })],
    nonCompliant: [
      [
        "off",
        make({ deletionProtection: false }),
        [`deletionProtection is false; expected true. ${protect}`],
      ],
    ],
    absent: [make(), [`deletionProtection is not set; expected true. ${protect}`]],
    unknown: [make({ deletionProtection: unknown })],
  }),
);

const authn = "(Control ID: HIPAA 164.312(d); HIPAA 164.312(a)(2)(i))";
(
  [
    [policies.awsRdsInstanceEnableIamAuthentication, instance, i],
    [policies.awsRdsClusterEnableIamAuthentication, cluster, c],
  ] as const
).forEach(([policy, type, make]) =>
  describePolicy(policy, {
    type,
    compliant: [make({ iamDatabaseAuthenticationEnabled: true })],
    nonCompliant: [
      [
        "off",
        make({ iamDatabaseAuthenticationEnabled: false }),
        [`iamDatabaseAuthenticationEnabled is false; expected true. ${authn}`],
      ],
    ],
    absent: [make(), [`iamDatabaseAuthenticationEnabled is not set; expected true. ${authn}`]],
    unknown: [make({ iamDatabaseAuthenticationEnabled: unknown })],
  }),
);

describePolicy(policies.awsRdsInstanceConfigurePerformanceInsightsKms, {
  type: instance,
  compliant: [
    i({ performanceInsightsEnabled: true, performanceInsightsKmsKeyId: key }),
    i({ performanceInsightsEnabled: false }),
  ],
  nonCompliant: [],
  absent: [
    i({ performanceInsightsEnabled: true }),
    [
      `performanceInsightsEnabled is true and performanceInsightsKmsKeyId is not set; expected a customer-managed KMS key ARN. ${enc}`,
    ],
  ],
  unknown: [i({ performanceInsightsEnabled: true, performanceInsightsKmsKeyId: unknown })],
});
