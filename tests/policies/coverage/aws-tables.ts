/** Tables for the AWS service policies (see table.ts). */
import * as athena from "../../../policies/aws/athena";
import * as backup from "../../../policies/aws/backup";
import * as cloudfront from "../../../policies/aws/cloudfront";
import * as docdb from "../../../policies/aws/docdb";
import * as ecr from "../../../policies/aws/ecr";
import * as ecs from "../../../policies/aws/ecs";
import * as efs from "../../../policies/aws/efs";
import * as eks from "../../../policies/aws/eks";
import * as elasticache from "../../../policies/aws/elasticache";
import * as fsx from "../../../policies/aws/fsx";
import * as glue from "../../../policies/aws/glue";
import * as lb from "../../../policies/aws/lb";
import * as kinesis from "../../../policies/aws/kinesis";
import * as memorydb from "../../../policies/aws/memorydb";
import * as msk from "../../../policies/aws/msk";
import * as neptune from "../../../policies/aws/neptune";
import * as opensearch from "../../../policies/aws/opensearch";
import * as rds from "../../../policies/aws/rds";
import * as redshift from "../../../policies/aws/redshift";
import * as sagemaker from "../../../policies/aws/sagemaker";
import * as secretsmanager from "../../../policies/aws/secretsmanager";
import * as sfn from "../../../policies/aws/sfn";
import * as ssm from "../../../policies/aws/ssm";
import { Table, unknown } from "./table";

const key = "arn:aws:kms:eu-central-1:123456789012:key/1111-2222";
const managed = "alias/aws/ebs";
const cmkMissing = "expected a customer-managed KMS key ARN";

const fsxBase = { subnetIds: ["subnet-1"], storageCapacity: 1200, kmsKeyId: key };

const container = (extra: Record<string, unknown> = {}) => ({
  name: "api",
  image: "123456789012.dkr.ecr.eu-central-1.amazonaws.com/api@sha256:" + "a".repeat(64),
  logConfiguration: { logDriver: "awslogs", options: {} },
  environment: [{ name: "TABLE", value: "vitals" }],
  secrets: [{ name: "DB_PASSWORD", valueFrom: "arn:aws:secretsmanager:eu-central-1:1:secret:db" }],
  ...extra,
});
const defs = (...c: Record<string, unknown>[]) => JSON.stringify(c);

const distribution = {
  enabled: true,
  origins: [
    {
      originId: "api",
      domainName: "api.example.org",
      customOriginConfig: {
        httpPort: 80,
        httpsPort: 443,
        originProtocolPolicy: "https-only",
        originSslProtocols: ["TLSv1.2"],
      },
    },
  ],
  defaultCacheBehavior: {
    allowedMethods: ["GET", "HEAD"],
    cachedMethods: ["GET", "HEAD"],
    targetOriginId: "api",
    viewerProtocolPolicy: "redirect-to-https",
  },
  orderedCacheBehaviors: [
    {
      pathPattern: "/fhir/*",
      allowedMethods: ["GET", "HEAD"],
      cachedMethods: ["GET", "HEAD"],
      targetOriginId: "api",
      viewerProtocolPolicy: "https-only",
    },
  ],
  viewerCertificate: {
    acmCertificateArn: "arn:aws:acm:us-east-1:1:certificate/c",
    sslSupportMethod: "sni-only",
    minimumProtocolVersion: "TLSv1.2_2021",
  },
  restrictions: { geoRestriction: { restrictionType: "none" } },
  loggingConfig: { bucket: "logs.s3.amazonaws.com" },
  webAclId: "arn:aws:wafv2:us-east-1:1:global/webacl/w/1",
};

export const awsTables: Table[] = [
  {
    policy: efs.awsEfsFileSystemEnableCmkEncryption,
    base: { encrypted: true, kmsKeyId: key },
    fail: [
      [
        { encrypted: undefined },
        ["encrypted is not set (the provider default false: unencrypted)"],
      ],
      [
        { kmsKeyId: undefined },
        ["kmsKeyId is not set (the AWS managed aws/elasticfilesystem key)"],
      ],
      [{ kmsKeyId: "alias/aws/elasticfilesystem" }, ["an AWS managed key"]],
    ],
    unknown: [[{ encrypted: false, kmsKeyId: unknown }, ["encrypted is false"]]],
  },
  {
    policy: efs.awsEfsBackupPolicyEnableBackup,
    base: { fileSystemId: "fs-1", backupPolicy: { status: "ENABLED" } },
    fail: [[{ backupPolicy: { status: "DISABLED" } }, ['backupPolicy.status is "DISABLED"']]],
    unknown: [[{ backupPolicy: { status: unknown } }, []]],
  },
  ...(
    [
      [fsx.awsFsxLustreFileSystemEnableCmkEncryption, { deploymentType: "PERSISTENT_2" }],
      [fsx.awsFsxWindowsFileSystemEnableCmkEncryption, { throughputCapacity: 32 }],
      [fsx.awsFsxOntapFileSystemEnableCmkEncryption, { deploymentType: "MULTI_AZ_1" }],
      [fsx.awsFsxOpenzfsFileSystemEnableCmkEncryption, { deploymentType: "SINGLE_AZ_2" }],
    ] as const
  ).map(([policy, extra]): Table => ({
    policy,
    base: { ...fsxBase, ...extra },
    fail: [
      [{ kmsKeyId: undefined }, ["kmsKeyId is not set (the AWS managed aws/fsx key)"]],
      [{ kmsKeyId: "alias/aws/fsx" }, ["an AWS managed key"]],
    ],
    unknown: [[{ kmsKeyId: unknown }, []]],
  })),
  {
    policy: fsx.awsFsxWindowsFileSystemEnableAuditLogs,
    base: {
      ...fsxBase,
      auditLogConfiguration: {
        fileAccessAuditLogLevel: "SUCCESS_AND_FAILURE",
        fileShareAccessAuditLogLevel: "FAILURE_ONLY",
        auditLogDestination: "arn:aws:logs:eu-central-1:1:log-group:fsx",
      },
    },
    fail: [
      [
        { auditLogConfiguration: undefined },
        ["fileAccessAuditLogLevel is not set", "fileShareAccessAuditLogLevel is not set"],
      ],
      [
        { auditLogConfiguration: { fileAccessAuditLogLevel: "DISABLED" } },
        ['fileAccessAuditLogLevel is "DISABLED"'],
      ],
    ],
    unknown: [
      [
        {
          auditLogConfiguration: {
            fileAccessAuditLogLevel: unknown,
            fileShareAccessAuditLogLevel: "DISABLED",
          },
        },
        ['fileShareAccessAuditLogLevel is "DISABLED"'],
      ],
    ],
  },
  {
    policy: fsx.awsFsxLustreFileSystemConfigureBackupRetention,
    base: { ...fsxBase, deploymentType: "PERSISTENT_2", automaticBackupRetentionDays: 7 },
    pass: [{ deploymentType: "PERSISTENT_1", automaticBackupRetentionDays: 30 }],
    fail: [
      [
        { deploymentType: undefined },
        ["deploymentType is not set (the provider default SCRATCH_1)"],
      ],
      [{ deploymentType: "SCRATCH_2" }, ['deploymentType is "SCRATCH_2"']],
      [
        { automaticBackupRetentionDays: 6 },
        ["automaticBackupRetentionDays is 6; expected at least 7 days"],
      ],
      [
        { automaticBackupRetentionDays: undefined },
        ["the provider default 0: no automatic backups"],
      ],
    ],
    unknown: [[{ automaticBackupRetentionDays: unknown }, []]],
  },
  {
    policy: elasticache.awsElasticacheReplicationGroupEnableCmkEncryption,
    base: { description: "d", engine: "redis", atRestEncryptionEnabled: true, kmsKeyId: key },
    pass: [{ engine: "valkey", atRestEncryptionEnabled: undefined }],
    fail: [
      [
        { atRestEncryptionEnabled: undefined },
        ["atRestEncryptionEnabled is not set (the provider default for engine redis: false)"],
      ],
      [{ kmsKeyId: undefined }, [`kmsKeyId is not set (the AWS owned default key); ${cmkMissing}`]],
    ],
    unknown: [[{ atRestEncryptionEnabled: unknown, kmsKeyId: undefined }, ["kmsKeyId is not set"]]],
  },
  {
    policy: elasticache.awsElasticacheReplicationGroupEnableTransitEncryption,
    base: { description: "d", transitEncryptionEnabled: true, transitEncryptionMode: "required" },
    pass: [{ transitEncryptionMode: undefined }],
    fail: [
      [
        { transitEncryptionEnabled: undefined },
        ["transitEncryptionEnabled is not set (the provider default false)"],
      ],
      [{ transitEncryptionMode: "preferred" }, ['transitEncryptionMode is "preferred"']],
    ],
    unknown: [
      [{ transitEncryptionEnabled: unknown, transitEncryptionMode: "preferred" }, ['"preferred"']],
    ],
  },
  {
    policy: elasticache.awsElasticacheReplicationGroupEnforceAuthentication,
    base: { description: "d", userGroupIds: ["ug-1"] },
    pass: [{ userGroupIds: undefined, authToken: "from-a-secret-output" }],
    fail: [[{ userGroupIds: [] }, ["authToken, authTokenWo and userGroupIds are not set"]]],
    unknown: [[{ userGroupIds: unknown }, []]],
  },
  {
    policy: elasticache.awsElasticacheReplicationGroupConfigureSnapshotRetention,
    base: { description: "d", snapshotRetentionLimit: 7 },
    pass: [{ snapshotRetentionLimit: 1 }],
    fail: [
      [{ snapshotRetentionLimit: 0 }, ["snapshotRetentionLimit is 0; expected at least 1 day"]],
      [{ snapshotRetentionLimit: undefined }, ["the provider default 0: no automatic snapshots"]],
    ],
    unknown: [[{ snapshotRetentionLimit: unknown }, []]],
  },
  {
    policy: elasticache.awsElasticacheServerlessCacheEnableCmkEncryption,
    base: { engine: "valkey", kmsKeyId: key },
    fail: [[{ kmsKeyId: undefined }, ["kmsKeyId is not set (an AWS owned key)"]]],
    unknown: [[{ kmsKeyId: unknown }, []]],
  },
  {
    policy: memorydb.awsMemorydbClusterEnableCmkEncryption,
    base: { nodeType: "db.r6g.large", aclName: "phi-acl", kmsKeyArn: key },
    fail: [[{ kmsKeyArn: managed }, ["an AWS managed key"]]],
    unknown: [[{ kmsKeyArn: unknown }, []]],
  },
  {
    policy: memorydb.awsMemorydbClusterEnforceTls,
    base: { nodeType: "db.r6g.large", aclName: "phi-acl" },
    pass: [{ tlsEnabled: true }],
    fail: [
      [{ tlsEnabled: false }, ["tlsEnabled is false"]],
      [{ aclName: "open-access" }, ['aclName is "open-access"']],
    ],
    unknown: [[{ tlsEnabled: unknown, aclName: "open-access" }, ['aclName is "open-access"']]],
  },
  {
    policy: memorydb.awsMemorydbClusterConfigureSnapshotRetention,
    base: { nodeType: "db.r6g.large", aclName: "a", snapshotRetentionLimit: 7 },
    fail: [[{ snapshotRetentionLimit: undefined }, ["the provider default 0"]]],
    unknown: [[{ snapshotRetentionLimit: unknown }, []]],
  },
  {
    policy: opensearch.awsOpensearchDomainEnableCmkEncryption,
    base: { encryptAtRest: { enabled: true, kmsKeyId: key } },
    fail: [
      [
        { encryptAtRest: undefined },
        ["encryptAtRest.enabled is not set", "encryptAtRest.kmsKeyId is not set"],
      ],
      [{ encryptAtRest: { kmsKeyId: undefined } }, ["the AWS managed aws/es key"]],
    ],
    unknown: [[{ encryptAtRest: { enabled: unknown, kmsKeyId: managed } }, ["an AWS managed key"]]],
  },
  {
    policy: opensearch.awsOpensearchDomainEnableNodeToNodeEncryption,
    base: { nodeToNodeEncryption: { enabled: true } },
    fail: [
      [{ nodeToNodeEncryption: { enabled: false } }, ["nodeToNodeEncryption.enabled is false"]],
    ],
    unknown: [[{ nodeToNodeEncryption: { enabled: unknown } }, []]],
  },
  {
    policy: opensearch.awsOpensearchDomainEnforceHttps,
    base: {
      domainEndpointOptions: {
        enforceHttps: true,
        tlsSecurityPolicy: "Policy-Min-TLS-1-2-PFS-2023-10",
      },
    },
    pass: [{ domainEndpointOptions: { tlsSecurityPolicy: "Policy-Min-TLS-1-2-2019-07" } }],
    fail: [
      [
        { domainEndpointOptions: { tlsSecurityPolicy: "Policy-Min-TLS-1-0-2019-07" } },
        ["expected a Policy-Min-TLS-1-2 policy"],
      ],
      [
        { domainEndpointOptions: undefined },
        ["enforceHttps is not set", "the service default Policy-Min-TLS-1-0-2019-07"],
      ],
    ],
    unknown: [
      [
        {
          domainEndpointOptions: {
            enforceHttps: unknown,
            tlsSecurityPolicy: "Policy-Min-TLS-1-0-2019-07",
          },
        },
        ["tlsSecurityPolicy"],
      ],
    ],
  },
  {
    policy: opensearch.awsOpensearchDomainEnableVpc,
    base: { vpcOptions: { subnetIds: ["subnet-1"], securityGroupIds: ["sg-1"] } },
    fail: [[{ vpcOptions: undefined }, ["vpcOptions.subnetIds is not set"]]],
    unknown: [[{ vpcOptions: { subnetIds: unknown } }, []]],
  },
  {
    policy: opensearch.awsOpensearchDomainEnableAuditLogs,
    base: {
      logPublishingOptions: [
        { logType: "AUDIT_LOGS", cloudwatchLogGroupArn: "arn:aws:logs:eu-central-1:1:log-group:a" },
      ],
    },
    fail: [
      [
        { logPublishingOptions: [{ logType: "INDEX_SLOW_LOGS", cloudwatchLogGroupArn: "a" }] },
        ["no enabled AUDIT_LOGS entry"],
      ],
      [
        {
          logPublishingOptions: [
            { logType: "AUDIT_LOGS", cloudwatchLogGroupArn: "a", enabled: false },
          ],
        },
        ["no enabled AUDIT_LOGS entry"],
      ],
    ],
    unknown: [[{ logPublishingOptions: unknown }, []]],
  },
  {
    policy: opensearch.awsOpensearchDomainEnableFineGrainedAccess,
    base: { advancedSecurityOptions: { enabled: true, anonymousAuthEnabled: false } },
    fail: [
      [{ advancedSecurityOptions: undefined }, ["advancedSecurityOptions.enabled is not set"]],
      [
        { advancedSecurityOptions: { anonymousAuthEnabled: true } },
        ["anonymousAuthEnabled is true"],
      ],
    ],
    unknown: [
      [
        { advancedSecurityOptions: { enabled: unknown, anonymousAuthEnabled: true } },
        ["anonymousAuthEnabled"],
      ],
    ],
  },
  {
    policy: docdb.awsDocdbClusterEnableCmkEncryption,
    base: { storageEncrypted: true, kmsKeyId: key },
    fail: [
      [
        { storageEncrypted: undefined, kmsKeyId: undefined },
        ["storageEncrypted is not set", "kmsKeyId is not set"],
      ],
    ],
    unknown: [[{ storageEncrypted: unknown, kmsKeyId: undefined }, ["kmsKeyId is not set"]]],
  },
  {
    policy: docdb.awsDocdbClusterConfigureBackupRetention,
    base: { backupRetentionPeriod: 7 },
    fail: [[{ backupRetentionPeriod: undefined }, ["not set (the provider default 1)"]]],
    unknown: [[{ backupRetentionPeriod: unknown }, []]],
  },
  {
    policy: docdb.awsDocdbClusterEnableDeletionProtection,
    base: { deletionProtection: true },
    fail: [[{ deletionProtection: false }, ["deletionProtection is false"]]],
    unknown: [[{ deletionProtection: unknown }, []]],
  },
  {
    policy: docdb.awsDocdbClusterEnableAuditLogs,
    base: { enabledCloudwatchLogsExports: ["audit", "profiler"] },
    fail: [[{ enabledCloudwatchLogsExports: ["profiler"] }, ['to include "audit"']]],
    unknown: [[{ enabledCloudwatchLogsExports: unknown }, []]],
  },
  {
    policy: neptune.awsNeptuneClusterEnableCmkEncryption,
    base: { storageEncrypted: true, kmsKeyArn: key },
    fail: [[{ kmsKeyArn: "arn:aws:kms:eu-central-1:1:alias/aws/rds" }, ["an AWS managed key"]]],
    unknown: [[{ storageEncrypted: false, kmsKeyArn: unknown }, ["storageEncrypted is false"]]],
  },
  {
    policy: neptune.awsNeptuneClusterEnableIamAuthentication,
    base: { iamDatabaseAuthenticationEnabled: true },
    fail: [[{ iamDatabaseAuthenticationEnabled: undefined }, ["the provider default false"]]],
    unknown: [[{ iamDatabaseAuthenticationEnabled: unknown }, []]],
  },
  {
    policy: neptune.awsNeptuneClusterEnableDeletionProtection,
    base: { deletionProtection: true },
    fail: [[{ deletionProtection: undefined }, ["deletionProtection is not set"]]],
  },
  {
    policy: neptune.awsNeptuneClusterConfigureBackupRetention,
    base: { backupRetentionPeriod: 14 },
    fail: [
      [{ backupRetentionPeriod: 3 }, ["backupRetentionPeriod is 3; expected at least 7 days"]],
    ],
  },
  {
    policy: neptune.awsNeptuneClusterEnableAuditLogs,
    base: { enableCloudwatchLogsExports: ["audit"] },
    fail: [[{ enableCloudwatchLogsExports: undefined }, ["enableCloudwatchLogsExports is []"]]],
  },
  {
    policy: redshift.awsRedshiftClusterEnableCmkEncryption,
    base: { clusterIdentifier: "c", nodeType: "ra3.xlplus", kmsKeyId: key },
    pass: [{ encrypted: "true" }],
    fail: [
      [{ encrypted: "false" }, ['encrypted is "false"']],
      [{ kmsKeyId: undefined }, ["the AWS managed aws/redshift key"]],
    ],
    unknown: [[{ encrypted: unknown, kmsKeyId: undefined }, ["kmsKeyId is not set"]]],
  },
  {
    policy: redshift.awsRedshiftClusterDisablePublicAccess,
    base: { clusterIdentifier: "c", nodeType: "ra3.xlplus" },
    pass: [{ publiclyAccessible: false }],
    fail: [[{ publiclyAccessible: true }, ["publiclyAccessible is true"]]],
    unknown: [[{ publiclyAccessible: unknown }, []]],
  },
  {
    policy: redshift.awsRedshiftClusterConfigureSnapshotRetention,
    base: { clusterIdentifier: "c", nodeType: "ra3.xlplus", automatedSnapshotRetentionPeriod: 7 },
    fail: [[{ automatedSnapshotRetentionPeriod: undefined }, ["the provider default 1"]]],
  },
  {
    policy: redshift.awsRedshiftClusterEnableEnhancedVpcRouting,
    base: { clusterIdentifier: "c", nodeType: "ra3.xlplus", enhancedVpcRouting: true },
    fail: [[{ enhancedVpcRouting: undefined }, ["enhancedVpcRouting is not set"]]],
  },
  {
    policy: rds.awsRdsProxyEnforceTls,
    base: { engineFamily: "POSTGRESQL", roleArn: "r", vpcSubnetIds: ["s"], requireTls: true },
    fail: [[{ requireTls: undefined }, ["requireTls is not set (the service default false)"]]],
    unknown: [[{ requireTls: unknown }, []]],
  },
  {
    policy: rds.awsRdsProxyEnforceIamAuthentication,
    base: {
      engineFamily: "POSTGRESQL",
      roleArn: "r",
      vpcSubnetIds: ["s"],
      auths: [{ authScheme: "SECRETS", iamAuth: "REQUIRED", secretArn: "arn" }],
    },
    fail: [
      [
        { auths: [{ authScheme: "SECRETS", secretArn: "arn" }] },
        ["auths[0].iamAuth is not set (the service default DISABLED)"],
      ],
    ],
    unknown: [
      [
        { auths: [{ iamAuth: unknown }, { iamAuth: "DISABLED" }] },
        ['auths[1].iamAuth is "DISABLED"'],
      ],
    ],
  },
  {
    policy: backup.awsBackupVaultEnableCmkEncryption,
    base: { kmsKeyArn: key },
    fail: [[{ kmsKeyArn: undefined }, ["the AWS managed aws/backup key"]]],
  },
  {
    policy: backup.awsBackupPlanConfigureRetention,
    base: {
      rules: [
        { ruleName: "daily", targetVaultName: "v", lifecycle: { deleteAfter: 35 } },
        { ruleName: "monthly", targetVaultName: "v" },
      ],
    },
    fail: [
      [
        { rules: [{ ruleName: "daily", targetVaultName: "v", lifecycle: { deleteAfter: 1 } }] },
        ['rules "daily" lifecycle.deleteAfter is 1'],
      ],
    ],
    unknown: [
      [
        {
          rules: [
            { ruleName: "a", targetVaultName: "v", lifecycle: { deleteAfter: unknown } },
            { ruleName: "b", targetVaultName: "v", lifecycle: { deleteAfter: 2 } },
          ],
        },
        ['rules "b" lifecycle.deleteAfter is 2'],
      ],
    ],
  },
  {
    policy: ecr.awsEcrRepositoryEnableImmutableTags,
    base: { imageTagMutability: "IMMUTABLE" },
    pass: [{ imageTagMutability: "IMMUTABLE_WITH_EXCLUSION" }],
    fail: [
      [{ imageTagMutability: undefined }, ["the provider default MUTABLE"]],
      [
        { imageTagMutability: "MUTABLE_WITH_EXCLUSION" },
        ['imageTagMutability is "MUTABLE_WITH_EXCLUSION"'],
      ],
    ],
  },
  {
    policy: ecr.awsEcrRepositoryEnableScanOnPush,
    base: { imageScanningConfiguration: { scanOnPush: true } },
    fail: [[{ imageScanningConfiguration: { scanOnPush: false } }, ["scanOnPush is false"]]],
  },
  {
    policy: ecr.awsEcrRepositoryEnableCmkEncryption,
    base: { encryptionConfigurations: [{ encryptionType: "KMS", kmsKey: key }] },
    fail: [
      [{ encryptionConfigurations: undefined }, ["the provider default AES256"]],
      [
        { encryptionConfigurations: [{ encryptionType: "KMS" }] },
        ["kmsKey is not set (the AWS managed aws/ecr key)"],
      ],
    ],
  },
  {
    policy: ecs.awsEcsTaskDefinitionDisallowSecretEnvironmentValues,
    base: { family: "api", containerDefinitions: defs(container()) },
    pass: [
      // A secret-store reference passes whatever the variable is called.
      {
        containerDefinitions: defs(
          container({
            environment: [
              { name: "DB_PASSWORD_ARN", value: "arn:aws:secretsmanager:eu-central-1:1:secret:db" },
              { name: "API_TOKEN", value: "arn:aws:ssm:eu-central-1:1:parameter/mc/token" },
              { name: "IMAGE_DIGEST", value: "sha256:" + "0123456789abcdef".repeat(4) },
              { name: "REQUEST_ID_HEADER", value: "X-Request-Id" },
            ],
          }),
        ),
      },
    ],
    fail: [
      [
        {
          containerDefinitions: defs(
            container({
              environment: [
                { name: "DATABASE_URL", value: "postgres://app:S3cr3tPa55@db.internal:5432/phi" },
              ],
            }),
          ),
        },
        [
          "container api environment DATABASE_URL holds what looks like a URL with an embedded password",
        ],
      ],
      [
        {
          containerDefinitions: defs(
            container({
              environment: [
                { name: "CONFIG_BLOB", value: "Zk9xL3Rhc2tEZWZpbml0aW9uUXdlcnR5MTIzNDU2" },
              ],
            }),
          ),
        },
        ["holds what looks like a high-entropy string"],
      ],
      [
        {
          containerDefinitions: defs(
            container({ environment: [{ name: "DB_PASSWORD", value: "hunter2" }] }),
          ),
        },
        ["DB_PASSWORD is named like a secret and holds a literal value"],
      ],
    ],
    unknown: [[{ containerDefinitions: unknown }, []]],
  },
  {
    policy: ecs.awsEcsTaskDefinitionDisallowPrivilegedContainers,
    base: { family: "api", networkMode: "awsvpc", containerDefinitions: defs(container()) },
    fail: [
      [
        { containerDefinitions: defs(container({ privileged: true })) },
        ["container api is privileged"],
      ],
      [{ pidMode: "host" }, ['pidMode is "host"']],
      [{ networkMode: "host" }, ['networkMode is "host"']],
    ],
    unknown: [[{ pidMode: unknown, networkMode: "host" }, ['networkMode is "host"']]],
  },
  {
    policy: ecs.awsEcsTaskDefinitionConfigureLogging,
    base: { family: "api", containerDefinitions: defs(container()) },
    fail: [
      [
        { containerDefinitions: defs(container({ logConfiguration: undefined, name: "sidecar" })) },
        ["container sidecar has no logConfiguration"],
      ],
    ],
  },
  {
    policy: ecs.awsEcsTaskDefinitionEnableEfsTransitEncryption,
    base: {
      family: "api",
      containerDefinitions: defs(container()),
      volumes: [
        {
          name: "docs",
          efsVolumeConfiguration: { fileSystemId: "fs-1", transitEncryption: "ENABLED" },
        },
      ],
    },
    pass: [{ volumes: [{ name: "scratch" }] }],
    fail: [
      [
        { volumes: [{ name: "docs", efsVolumeConfiguration: { fileSystemId: "fs-1" } }] },
        ["volumes docs efsVolumeConfiguration.transitEncryption is not set (DISABLED)"],
      ],
    ],
  },
  {
    policy: eks.awsEksClusterEnableSecretsEncryption,
    base: {
      roleArn: "r",
      vpcConfig: { subnetIds: ["s"] },
      encryptionConfig: { resources: ["secrets"], provider: { keyArn: key } },
    },
    fail: [
      [{ encryptionConfig: undefined }, ['encryptionConfig.resources does not include "secrets"']],
      [{ encryptionConfig: { provider: { keyArn: managed } } }, ["an AWS managed key"]],
    ],
  },
  {
    policy: eks.awsEksClusterDisallowPublicEndpoint,
    base: {
      roleArn: "r",
      vpcConfig: { subnetIds: ["s"], endpointPublicAccess: false, endpointPrivateAccess: true },
    },
    pass: [{ vpcConfig: { endpointPublicAccess: true, publicAccessCidrs: ["203.0.113.0/24"] } }],
    fail: [
      [
        { vpcConfig: { endpointPublicAccess: undefined } },
        [
          "vpcConfig.endpointPublicAccess is not set (the provider default true) with publicAccessCidrs not set (the provider default 0.0.0.0/0)",
        ],
      ],
      [
        {
          vpcConfig: {
            endpointPublicAccess: true,
            publicAccessCidrs: ["203.0.113.0/24", "0.0.0.0/0"],
          },
        },
        ['publicAccessCidrs ["203.0.113.0/24","0.0.0.0/0"]'],
      ],
    ],
    unknown: [[{ vpcConfig: { endpointPublicAccess: unknown } }, []]],
  },
  {
    policy: eks.awsEksClusterEnableControlPlaneLogs,
    base: {
      roleArn: "r",
      vpcConfig: { subnetIds: ["s"] },
      enabledClusterLogTypes: ["api", "audit", "authenticator"],
    },
    fail: [
      [
        { enabledClusterLogTypes: ["api"] },
        ["enabledClusterLogTypes is missing audit, authenticator"],
      ],
    ],
  },
  {
    policy: sfn.awsSfnStateMachineEnableLogging,
    base: {
      roleArn: "r",
      definition: "{}",
      loggingConfiguration: {
        level: "ALL",
        logDestination: "arn:aws:logs:eu-central-1:1:log-group:sfn:*",
      },
    },
    pass: [{ loggingConfiguration: { level: "ERROR" } }],
    fail: [
      [
        { loggingConfiguration: undefined },
        ["the service default OFF", "logDestination is not set"],
      ],
      [{ loggingConfiguration: { level: "OFF" } }, ['loggingConfiguration.level is "OFF"']],
    ],
    unknown: [
      [{ loggingConfiguration: { level: "OFF", logDestination: unknown } }, ['level is "OFF"']],
    ],
  },
  {
    policy: sfn.awsSfnStateMachineEnableXrayTracing,
    base: { roleArn: "r", definition: "{}", tracingConfiguration: { enabled: true } },
    fail: [
      [
        { tracingConfiguration: undefined },
        ["tracingConfiguration.enabled is not set (tracing off)"],
      ],
    ],
  },
  {
    policy: sfn.awsSfnStateMachineEnableCmkEncryption,
    base: {
      roleArn: "r",
      definition: "{}",
      encryptionConfiguration: { type: "CUSTOMER_MANAGED_KMS_KEY", kmsKeyId: key },
    },
    fail: [[{ encryptionConfiguration: undefined }, ["the service default AWS_OWNED_KEY"]]],
  },
  {
    policy: kinesis.awsKinesisFirehoseDeliveryStreamEnableDestinationCmk,
    base: {
      destination: "extended_s3",
      extendedS3Configuration: { bucketArn: "b", roleArn: "r", kmsKeyArn: key },
    },
    pass: [{ destination: "http_endpoint", extendedS3Configuration: undefined }],
    fail: [
      [{ extendedS3Configuration: { kmsKeyArn: undefined } }, ["the bucket's default encryption"]],
    ],
  },
  {
    policy: msk.awsMskClusterEnableCmkEncryption,
    base: {
      clusterName: "c",
      kafkaVersion: "3.6.0",
      numberOfBrokerNodes: 3,
      brokerNodeGroupInfo: {
        clientSubnets: ["s"],
        instanceType: "kafka.m5.large",
        securityGroups: ["sg"],
      },
      encryptionInfo: { encryptionAtRestKmsKeyArn: key },
    },
    fail: [[{ encryptionInfo: undefined }, ["the AWS managed aws/kafka key"]]],
  },
  {
    policy: msk.awsMskClusterEnforceTls,
    base: {
      clusterName: "c",
      brokerNodeGroupInfo: {
        clientSubnets: ["s"],
        instanceType: "kafka.m5.large",
        securityGroups: ["sg"],
      },
    },
    pass: [{ encryptionInfo: { encryptionInTransit: { clientBroker: "TLS", inCluster: true } } }],
    fail: [
      [
        { encryptionInfo: { encryptionInTransit: { clientBroker: "TLS_PLAINTEXT" } } },
        ['clientBroker is "TLS_PLAINTEXT"'],
      ],
      [{ encryptionInfo: { encryptionInTransit: { inCluster: false } } }, ["inCluster is false"]],
    ],
  },
  {
    policy: msk.awsMskClusterDisallowUnauthenticatedAccess,
    base: {
      clusterName: "c",
      brokerNodeGroupInfo: {
        clientSubnets: ["s"],
        instanceType: "kafka.m5.large",
        securityGroups: ["sg"],
      },
      clientAuthentication: { sasl: { iam: true }, unauthenticated: false },
    },
    pass: [
      {
        clientAuthentication: {
          sasl: { iam: false },
          tls: { certificateAuthorityArns: ["arn:ca"] },
        },
      },
    ],
    fail: [
      [{ clientAuthentication: undefined }, ["clientAuthentication names no method"]],
      [
        { clientAuthentication: { unauthenticated: true } },
        ["clientAuthentication.unauthenticated is true"],
      ],
    ],
  },
  {
    policy: msk.awsMskClusterDisallowPublicAccess,
    base: {
      clusterName: "c",
      brokerNodeGroupInfo: {
        clientSubnets: ["s"],
        instanceType: "kafka.m5.large",
        securityGroups: ["sg"],
      },
    },
    pass: [{ brokerNodeGroupInfo: { connectivityInfo: { publicAccess: { type: "DISABLED" } } } }],
    fail: [
      [
        {
          brokerNodeGroupInfo: {
            connectivityInfo: { publicAccess: { type: "SERVICE_PROVIDED_EIPS" } },
          },
        },
        ['publicAccess.type is "SERVICE_PROVIDED_EIPS"'],
      ],
    ],
  },
  {
    policy: msk.awsMskClusterEnableBrokerLogs,
    base: {
      clusterName: "c",
      brokerNodeGroupInfo: {
        clientSubnets: ["s"],
        instanceType: "kafka.m5.large",
        securityGroups: ["sg"],
      },
      loggingInfo: { brokerLogs: { cloudwatchLogs: { enabled: true, logGroup: "msk" } } },
    },
    fail: [
      [
        { loggingInfo: { brokerLogs: { cloudwatchLogs: { enabled: false } } } },
        ["enables no destination"],
      ],
    ],
  },
  {
    policy: glue.awsGlueDataCatalogEncryptionSettingsEnableCmkEncryption,
    base: {
      dataCatalogEncryptionSettings: {
        encryptionAtRest: { catalogEncryptionMode: "SSE-KMS", sseAwsKmsKeyId: key },
        connectionPasswordEncryption: { returnConnectionPasswordEncrypted: true, awsKmsKeyId: key },
      },
    },
    fail: [
      [
        {
          dataCatalogEncryptionSettings: {
            encryptionAtRest: { catalogEncryptionMode: "DISABLED" },
          },
        },
        ['catalogEncryptionMode is "DISABLED"'],
      ],
      [
        {
          dataCatalogEncryptionSettings: {
            connectionPasswordEncryption: { returnConnectionPasswordEncrypted: false },
          },
        },
        ["returnConnectionPasswordEncrypted is false"],
      ],
    ],
  },
  {
    policy: glue.awsGlueSecurityConfigurationEnableEncryption,
    base: {
      encryptionConfiguration: {
        s3Encryption: { s3EncryptionMode: "SSE-KMS", kmsKeyArn: key },
        cloudwatchEncryption: { cloudwatchEncryptionMode: "SSE-KMS", kmsKeyArn: key },
        jobBookmarksEncryption: { jobBookmarksEncryptionMode: "CSE-KMS", kmsKeyArn: key },
      },
    },
    fail: [
      [
        {
          encryptionConfiguration: {
            cloudwatchEncryption: { cloudwatchEncryptionMode: "DISABLED" },
          },
        },
        ['cloudwatchEncryptionMode is "DISABLED"'],
      ],
      [
        { encryptionConfiguration: { s3Encryption: { s3EncryptionMode: "SSE-S3" } } },
        ['s3EncryptionMode is "SSE-S3"'],
      ],
    ],
  },
  {
    policy: glue.awsGlueJobMissingSecurityConfiguration,
    base: {
      roleArn: "r",
      command: { scriptLocation: "s3://b/job.py" },
      securityConfiguration: "phi",
    },
    fail: [[{ securityConfiguration: undefined }, ["securityConfiguration is not set"]]],
  },
  {
    policy: athena.awsAthenaWorkgroupEnableCmkEncryption,
    base: {
      configuration: {
        enforceWorkgroupConfiguration: true,
        resultConfiguration: {
          encryptionConfiguration: { encryptionOption: "SSE_KMS", kmsKeyArn: key },
        },
      },
    },
    fail: [
      [
        {
          configuration: {
            resultConfiguration: { encryptionConfiguration: { encryptionOption: "SSE_S3" } },
          },
        },
        ['encryptionOption is "SSE_S3"'],
      ],
      [
        { configuration: { enforceWorkgroupConfiguration: false } },
        ["enforceWorkgroupConfiguration is false"],
      ],
    ],
  },
  {
    policy: sagemaker.awsSagemakerNotebookInstanceDisableDirectInternetAccess,
    base: {
      instanceType: "ml.t3.medium",
      roleArn: "r",
      directInternetAccess: "Disabled",
      subnetId: "s",
    },
    fail: [[{ directInternetAccess: undefined }, ["the service default Enabled"]]],
  },
  {
    policy: sagemaker.awsSagemakerNotebookInstanceDisableRootAccess,
    base: { instanceType: "ml.t3.medium", roleArn: "r", rootAccess: "Disabled" },
    fail: [[{ rootAccess: "Enabled" }, ['rootAccess is "Enabled"']]],
  },
  {
    policy: sagemaker.awsSagemakerNotebookInstanceEnableCmkEncryption,
    base: { instanceType: "ml.t3.medium", roleArn: "r", kmsKeyId: key },
    fail: [[{ kmsKeyId: undefined }, ["kmsKeyId is not set"]]],
  },
  {
    policy: sagemaker.awsSagemakerEndpointConfigurationEnableCmkEncryption,
    base: {
      productionVariants: [{ modelName: "m", instanceType: "ml.m5.large" }],
      kmsKeyArn: key,
      dataCaptureConfig: {
        destinationS3Uri: "s3://b",
        initialSamplingPercentage: 10,
        captureOptions: [{ captureMode: "Input" }],
        kmsKeyId: key,
      },
    },
    pass: [{ dataCaptureConfig: undefined }],
    fail: [
      [{ kmsKeyArn: undefined }, ["kmsKeyArn is not set"]],
      [{ dataCaptureConfig: { kmsKeyId: undefined } }, ["dataCaptureConfig.kmsKeyId is not set"]],
    ],
  },
  {
    policy: sagemaker.awsSagemakerDomainEnforceVpcOnly,
    base: {
      domainName: "d",
      authMode: "IAM",
      vpcId: "v",
      subnetIds: ["s"],
      appNetworkAccessType: "VpcOnly",
      defaultUserSettings: { executionRole: "r" },
    },
    fail: [[{ appNetworkAccessType: undefined }, ["the service default PublicInternetOnly"]]],
  },
  {
    policy: secretsmanager.awsSecretsmanagerSecretRotationConfigureInterval,
    base: { secretId: "s", rotationLambdaArn: "l", rotationRules: { automaticallyAfterDays: 30 } },
    pass: [
      { rotationRules: { automaticallyAfterDays: undefined, scheduleExpression: "rate(10 days)" } },
      {
        rotationRules: {
          automaticallyAfterDays: undefined,
          scheduleExpression: "cron(0 16 1,15 * ? *)",
        },
      },
    ],
    fail: [
      [
        { rotationRules: { automaticallyAfterDays: 365 } },
        ["automaticallyAfterDays is 365; expected at most 90"],
      ],
      [
        {
          rotationRules: {
            automaticallyAfterDays: undefined,
            scheduleExpression: "rate(120 days)",
          },
        },
        ["(every 120 days)"],
      ],
      [{ rotationEnabled: false }, ["rotationEnabled is false"]],
    ],
    unknown: [
      [
        { rotationEnabled: false, rotationRules: { automaticallyAfterDays: unknown } },
        ["rotationEnabled is false"],
      ],
    ],
  },
  {
    policy: ssm.awsSsmParameterEnforceSecureString,
    base: { name: "/mc/db/password", type: "SecureString", value: "hunter2", keyId: key },
    pass: [
      { type: "String", name: "/mc/feature-flags", value: "fhir-bulk=on" },
      {
        type: "String",
        name: "/mc/db/password-arn",
        value: "arn:aws:secretsmanager:eu-central-1:1:secret:db",
      },
    ],
    fail: [
      [{ type: "String" }, ["the value is a literal under a secret's name"]],
      [
        { type: "String", name: "/mc/config", value: "AKIAABCDEFGHIJKLMNOP" },
        ["looks like an AWS access key id"],
      ],
    ],
    unknown: [[{ type: "String", value: unknown }, []]],
  },
  {
    policy: ssm.awsSsmParameterEnableCmkEncryption,
    base: { name: "/mc/x", type: "SecureString", value: "v", keyId: key },
    pass: [{ type: "String", keyId: undefined }],
    fail: [[{ keyId: undefined }, ["the AWS managed aws/ssm key"]]],
  },
  {
    policy: cloudfront.awsCloudfrontDistributionEnforceHttpsViewers,
    base: distribution,
    fail: [
      [
        { defaultCacheBehavior: { viewerProtocolPolicy: "allow-all" } },
        ['defaultCacheBehavior.viewerProtocolPolicy is "allow-all"'],
      ],
      [
        {
          orderedCacheBehaviors: [
            {
              pathPattern: "/fhir/*",
              allowedMethods: [],
              cachedMethods: [],
              targetOriginId: "api",
              viewerProtocolPolicy: "allow-all",
            },
          ],
        },
        ['orderedCacheBehaviors "/fhir/*" viewerProtocolPolicy is "allow-all"'],
      ],
    ],
  },
  {
    policy: cloudfront.awsCloudfrontDistributionConfigureTlsPolicy,
    base: distribution,
    fail: [
      [
        { viewerCertificate: { minimumProtocolVersion: "TLSv1.1_2016" } },
        ['minimumProtocolVersion is "TLSv1.1_2016"'],
      ],
      [
        { viewerCertificate: { cloudfrontDefaultCertificate: true, acmCertificateArn: undefined } },
        ["cloudfrontDefaultCertificate is true"],
      ],
    ],
  },
  {
    policy: cloudfront.awsCloudfrontDistributionEnforceHttpsOrigins,
    base: distribution,
    pass: [
      {
        origins: [
          { originId: "s3", domainName: "b.s3.amazonaws.com", originAccessControlId: "oac" },
        ],
      },
    ],
    fail: [
      [
        {
          origins: [
            {
              originId: "api",
              domainName: "a",
              customOriginConfig: {
                httpPort: 80,
                httpsPort: 443,
                originProtocolPolicy: "match-viewer",
                originSslProtocols: ["TLSv1", "TLSv1.2"],
              },
            },
          ],
        },
        [
          'customOriginConfig.originProtocolPolicy is "match-viewer"',
          "originSslProtocols includes TLSv1",
        ],
      ],
    ],
  },
  {
    policy: cloudfront.awsCloudfrontDistributionEnableAccessLogging,
    base: distribution,
    fail: [[{ loggingConfig: undefined }, ["loggingConfig.bucket is not set"]]],
  },
  {
    policy: cloudfront.awsCloudfrontDistributionEnableWaf,
    base: distribution,
    fail: [[{ webAclId: undefined }, ["webAclId is not set"]]],
  },
  {
    policy: lb.awsLbLoadBalancerEnableAccessLogs,
    base: { loadBalancerType: "application", accessLogs: { bucket: "alb-logs", enabled: true } },
    pass: [{ loadBalancerType: "network" }, { loadBalancerType: "gateway", accessLogs: undefined }],
    fail: [
      [{ accessLogs: undefined }, ["accessLogs is not set"]],
      [{ accessLogs: { enabled: undefined } }, ["the provider default false, even with a bucket"]],
      [{ accessLogs: { enabled: false } }, ["accessLogs.enabled is false"]],
      [{ accessLogs: { bucket: "" } }, ["accessLogs.bucket is not set"]],
    ],
    unknown: [[{ accessLogs: unknown }, []]],
  },
  {
    policy: rds.awsRdsClusterEnableLogExports,
    base: { engine: "aurora-postgresql", enabledCloudwatchLogsExports: ["postgresql"] },
    pass: [
      { engine: "aurora-mysql", enabledCloudwatchLogsExports: ["audit", "error"] },
      { engine: "neptune", enabledCloudwatchLogsExports: ["slowquery"] },
    ],
    fail: [
      [{ enabledCloudwatchLogsExports: undefined }, ["not set (no logs leave the database)"]],
      [{ engine: "aurora-mysql" }, ['["postgresql"]; expected it to include "audit"']],
      [
        { engine: "neptune", enabledCloudwatchLogsExports: [] },
        ["expected the engine's audit log"],
      ],
    ],
    unknown: [[{ enabledCloudwatchLogsExports: unknown }, []]],
  },
  {
    policy: rds.awsRdsInstanceEnableLogExports,
    base: {
      instanceClass: "db.m6g.large",
      engine: "postgres",
      enabledCloudwatchLogsExports: ["postgresql", "upgrade"],
    },
    pass: [
      { engine: "mariadb", enabledCloudwatchLogsExports: ["audit"] },
      { engine: "sqlserver-se", enabledCloudwatchLogsExports: ["agent", "error"] },
    ],
    fail: [
      [{ enabledCloudwatchLogsExports: ["upgrade"] }, ['expected it to include "postgresql"']],
      [
        { engine: "mysql", enabledCloudwatchLogsExports: ["error", "slowquery"] },
        ['include "audit" for engine "mysql"'],
      ],
    ],
    unknown: [[{ engine: unknown }, []]],
  },
  {
    policy: docdb.awsDocdbClusterParameterGroupEnforceTls,
    base: { family: "docdb5.0", parameters: [{ name: "tls", value: "enabled" }] },
    pass: [
      { parameters: [{ name: "tls", value: "tls1.2+" }] },
      { parameters: [{ name: "audit_logs", value: "disabled" }] },
      { parameters: undefined },
    ],
    fail: [[{ parameters: [{ name: "tls", value: "disabled" }] }, ['parameter tls is "disabled"']]],
    unknown: [[{ parameters: unknown }, []]],
  },
  {
    policy: redshift.awsRedshiftParameterGroupEnforceSsl,
    base: { family: "redshift-1.0", parameters: [{ name: "require_ssl", value: "true" }] },
    pass: [{ parameters: [{ name: "require_ssl", value: "TRUE" }] }],
    fail: [
      [
        { parameters: [{ name: "require_ssl", value: "false" }] },
        ['parameter require_ssl is "false"'],
      ],
      [
        { parameters: [{ name: "enable_user_activity_logging", value: "true" }] },
        ["the service default false"],
      ],
    ],
    unknown: [[{ parameters: unknown }, []]],
  },
  {
    policy: ecs.awsEcsServiceDisablePublicIp,
    base: { networkConfiguration: { subnets: ["subnet-1"], assignPublicIp: false } },
    pass: [
      { networkConfiguration: { assignPublicIp: undefined } },
      { networkConfiguration: undefined },
    ],
    fail: [[{ networkConfiguration: { assignPublicIp: true } }, ["assignPublicIp is true"]]],
    unknown: [[{ networkConfiguration: { assignPublicIp: unknown } }, []]],
  },
  {
    policy: ecs.awsEcsTaskDefinitionEnforceReadOnlyRootFilesystem,
    base: {
      family: "api",
      containerDefinitions: defs(container({ readonlyRootFilesystem: true })),
    },
    fail: [
      [
        { containerDefinitions: defs(container()) },
        ["container api has readonlyRootFilesystem not set (ECS default: writable)"],
      ],
      [
        {
          containerDefinitions: defs(
            container({ readonlyRootFilesystem: true }),
            container({ name: "sidecar", readonlyRootFilesystem: false }),
          ),
        },
        ["container sidecar has readonlyRootFilesystem false"],
      ],
    ],
    unknown: [[{ containerDefinitions: unknown }, []]],
  },
  {
    policy: efs.awsEfsAccessPointEnforceRootDirectory,
    base: { fileSystemId: "fs-1", rootDirectory: { path: "/intake" } },
    pass: [{ rootDirectory: { path: "/intake/" } }],
    fail: [
      [{ rootDirectory: undefined }, ['the service default "/"']],
      [{ rootDirectory: { path: "/" } }, ['rootDirectory.path is "/", the whole file system']],
    ],
    unknown: [[{ rootDirectory: { path: unknown } }, []]],
  },
  {
    policy: eks.awsEksNodeGroupDisallowOpenSsh,
    base: {
      clusterName: "c",
      nodeRoleArn: "arn:aws:iam::1:role/n",
      subnetIds: ["s"],
      scalingConfig: { desiredSize: 1, maxSize: 1, minSize: 1 },
    },
    pass: [
      { remoteAccess: { ec2SshKey: "ops", sourceSecurityGroupIds: ["sg-admins"] } },
      { remoteAccess: { sourceSecurityGroupIds: [] } },
    ],
    fail: [
      [{ remoteAccess: { ec2SshKey: "ops" } }, ["opens SSH on every node to 0.0.0.0/0"]],
      [
        { remoteAccess: { ec2SshKey: "ops", sourceSecurityGroupIds: [] } },
        ["without sourceSecurityGroupIds"],
      ],
    ],
    unknown: [[{ remoteAccess: unknown }, []]],
  },
  {
    policy: fsx.awsFsxOpenzfsFileSystemConfigureBackupRetention,
    base: {
      ...fsxBase,
      deploymentType: "SINGLE_AZ_2",
      throughputCapacity: 160,
      automaticBackupRetentionDays: 7,
    },
    pass: [{ automaticBackupRetentionDays: 90 }],
    fail: [
      [
        { automaticBackupRetentionDays: 0 },
        ["automaticBackupRetentionDays is 0; expected at least 7 days"],
      ],
      [{ automaticBackupRetentionDays: undefined }, ["the service default 0"]],
    ],
    unknown: [[{ automaticBackupRetentionDays: unknown }, []]],
  },
];
