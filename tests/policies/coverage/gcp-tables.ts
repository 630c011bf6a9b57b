/** Tables for the GCP service policies (see table.ts). */
import * as artifactregistry from "../../../policies/gcp/artifactregistry";
import * as cloudrunv2 from "../../../policies/gcp/cloudrunv2";
import * as compute from "../../../policies/gcp/compute";
import * as composer from "../../../policies/gcp/composer";
import * as dataflow from "../../../policies/gcp/dataflow";
import * as dataproc from "../../../policies/gcp/dataproc";
import * as filestore from "../../../policies/gcp/filestore";
import * as healthcare from "../../../policies/gcp/healthcare";
import * as redis from "../../../policies/gcp/redis";
import * as secretmanager from "../../../policies/gcp/secretmanager";
import * as sql from "../../../policies/gcp/sql";
import { Table, unknown } from "./table";

const kms = "projects/p/locations/europe-west3/keyRings/phi/cryptoKeys/data";

const instance = (version: string, flags: { name: string; value: string }[] = []) => ({
  databaseVersion: version,
  region: "europe-west3",
  settings: {
    tier: "db-custom-2-7680",
    ipConfiguration: { ipv4Enabled: false, privateNetwork: "n", sslMode: "ENCRYPTED_ONLY" },
    backupConfiguration: { enabled: true, pointInTimeRecoveryEnabled: true },
    databaseFlags: flags,
  },
});
const pgFlags = [
  { name: "log_connections", value: "on" },
  { name: "log_disconnections", value: "on" },
  { name: "cloudsql.enable_pgaudit", value: "on" },
  { name: "log_min_error_statement", value: "error" },
  { name: "log_statement", value: "ddl" },
];

export const gcpTables: Table[] = [
  {
    policy: sql.gcpSqlDatabaseInstanceDisallowPublicAuthorizedNetworks,
    base: instance("POSTGRES_16"),
    pass: [
      {
        settings: {
          ipConfiguration: {
            ipv4Enabled: true,
            authorizedNetworks: [{ name: "office", value: "203.0.113.0/24" }],
          },
        },
      },
    ],
    fail: [
      [
        {
          settings: {
            ipConfiguration: {
              ipv4Enabled: true,
              authorizedNetworks: [{ name: "all", value: "0.0.0.0/0" }],
            },
          },
        },
        ['authorizedNetworks "all" is 0.0.0.0/0, the whole internet'],
      ],
    ],
    unknown: [
      [
        {
          settings: {
            ipConfiguration: {
              authorizedNetworks: [{ value: unknown }, { name: "any", value: "0.0.0.0/0" }],
            },
          },
        },
        ['authorizedNetworks "any"'],
      ],
    ],
  },
  {
    policy: sql.gcpSqlDatabaseInstanceEnableBackups,
    base: instance("MYSQL_8_0"),
    fail: [
      [
        { settings: { backupConfiguration: { enabled: false } } },
        ["backupConfiguration.enabled is false"],
      ],
    ],
  },
  {
    policy: sql.gcpSqlDatabaseInstanceConfigurePostgresFlags,
    base: instance("POSTGRES_16", pgFlags),
    pass: [{ databaseVersion: "MYSQL_8_0", settings: { databaseFlags: [] } }],
    fail: [
      [
        {
          settings: { databaseFlags: pgFlags.filter((f) => f.name !== "cloudsql.enable_pgaudit") },
        },
        ['"cloudsql.enable_pgaudit" is not set (the engine default)'],
      ],
      [
        {
          settings: {
            databaseFlags: [...pgFlags.slice(1), { name: "log_connections", value: "off" }],
          },
        },
        ['"log_connections" is "off"'],
      ],
      [
        {
          settings: {
            databaseFlags: [...pgFlags, { name: "log_min_duration_statement", value: "0" }],
          },
        },
        [
          '"log_min_duration_statement" is "0"; expected "-1" (or unset: the engine default complies)',
        ],
      ],
    ],
    unknown: [[{ databaseVersion: unknown }, []]],
  },
  {
    policy: sql.gcpSqlDatabaseInstanceConfigureMysqlFlags,
    base: instance("MYSQL_8_0", [
      { name: "local_infile", value: "off" },
      { name: "skip_show_database", value: "on" },
    ]),
    fail: [
      [
        { settings: { databaseFlags: [{ name: "skip_show_database", value: "on" }] } },
        ['"local_infile" is not set'],
      ],
    ],
  },
  {
    policy: sql.gcpSqlDatabaseInstanceConfigureSqlserverFlags,
    base: instance(
      "SQLSERVER_2022_STANDARD",
      [
        "external scripts enabled",
        "cross db ownership chaining",
        "contained database authentication",
        "remote access",
      ].map((name) => ({ name, value: "off" })),
    ),
    fail: [
      [
        { settings: { databaseFlags: [{ name: "remote access", value: "on" }] } },
        [
          '"external scripts enabled" is not set',
          '"cross db ownership chaining" is not set',
          '"contained database authentication" is not set',
          '"remote access" is "on"',
        ],
      ],
    ],
  },
  {
    policy: redis.gcpRedisInstanceEnableAuth,
    base: { memorySizeGb: 1, authEnabled: true },
    fail: [[{ authEnabled: undefined }, ["authEnabled is not set (the provider default false)"]]],
    unknown: [[{ authEnabled: unknown }, []]],
  },
  {
    policy: redis.gcpRedisInstanceEnableTransitEncryption,
    base: { memorySizeGb: 1, transitEncryptionMode: "SERVER_AUTHENTICATION" },
    fail: [[{ transitEncryptionMode: "DISABLED" }, ['transitEncryptionMode is "DISABLED"']]],
  },
  {
    policy: redis.gcpRedisInstanceMissingCmek,
    base: { memorySizeGb: 1, customerManagedKey: kms },
    fail: [
      [{ customerManagedKey: undefined }, ["customerManagedKey is not set (a Google-managed key)"]],
    ],
  },
  {
    policy: filestore.gcpFilestoreInstanceMissingCmek,
    base: {
      tier: "ENTERPRISE",
      fileShares: { name: "s", capacityGb: 1024 },
      networks: [{ network: "n", modes: ["MODE_IPV4"] }],
      kmsKeyName: kms,
    },
    fail: [[{ kmsKeyName: undefined }, ["kmsKeyName is not set"]]],
  },
  {
    policy: filestore.gcpFilestoreInstanceEnableDeletionProtection,
    base: {
      tier: "ENTERPRISE",
      fileShares: { name: "s", capacityGb: 1024 },
      networks: [{ network: "n", modes: ["MODE_IPV4"] }],
      deletionProtectionEnabled: true,
    },
    fail: [[{ deletionProtectionEnabled: false }, ["deletionProtectionEnabled is false"]]],
  },
  {
    policy: dataproc.gcpDataprocClusterMissingCmek,
    base: {
      clusterConfig: {
        encryptionConfig: { kmsKeyName: kms },
        gceClusterConfig: { internalIpOnly: true },
      },
    },
    fail: [
      [
        { clusterConfig: { encryptionConfig: undefined } },
        ["clusterConfig.encryptionConfig.kmsKeyName is not set"],
      ],
    ],
  },
  {
    policy: dataproc.gcpDataprocClusterEnableInternalIpOnly,
    base: { clusterConfig: { gceClusterConfig: { internalIpOnly: true } } },
    fail: [
      [
        { clusterConfig: { gceClusterConfig: { internalIpOnly: false } } },
        ["internalIpOnly is false"],
      ],
    ],
  },
  ...(
    [dataflow.gcpDataflowJobMissingCmek, dataflow.gcpDataflowFlexTemplateJobMissingCmek] as const
  ).map((policy): Table => ({
    policy,
    base: { name: "etl", kmsKeyName: kms, ipConfiguration: "WORKER_IP_PRIVATE" },
    fail: [[{ kmsKeyName: undefined }, ["kmsKeyName is not set"]]],
    unknown: [[{ kmsKeyName: unknown }, []]],
  })),
  ...(
    [
      dataflow.gcpDataflowJobDisablePublicIps,
      dataflow.gcpDataflowFlexTemplateJobDisablePublicIps,
    ] as const
  ).map((policy): Table => ({
    policy,
    base: { name: "etl", kmsKeyName: kms, ipConfiguration: "WORKER_IP_PRIVATE" },
    fail: [[{ ipConfiguration: undefined }, ["the service default WORKER_IP_PUBLIC"]]],
  })),
  {
    policy: composer.gcpComposerEnvironmentMissingCmek,
    base: { config: { encryptionConfig: { kmsKeyName: kms }, enablePrivateEnvironment: true } },
    fail: [
      [
        { config: { encryptionConfig: undefined } },
        ["config.encryptionConfig.kmsKeyName is not set"],
      ],
    ],
  },
  {
    policy: composer.gcpComposerEnvironmentEnablePrivateEnvironment,
    base: { config: { enablePrivateEnvironment: true } },
    pass: [
      {
        config: {
          enablePrivateEnvironment: undefined,
          privateEnvironmentConfig: { enablePrivateEndpoint: true },
        },
      },
    ],
    fail: [[{ config: { enablePrivateEnvironment: false } }, ["(a public environment)"]]],
  },
  {
    policy: healthcare.gcpHealthcareDatasetMissingCmek,
    base: { location: "europe-west3", encryptionSpec: { kmsKeyName: kms } },
    fail: [[{ encryptionSpec: undefined }, ["encryptionSpec.kmsKeyName is not set"]]],
    unknown: [[{ encryptionSpec: { kmsKeyName: unknown } }, []]],
  },
  {
    policy: healthcare.gcpHealthcareFhirStoreEnableVersioning,
    base: { dataset: "d", version: "R4" },
    pass: [{ disableResourceVersioning: false, enableHistoryModifications: false }],
    fail: [
      [{ disableResourceVersioning: true }, ["disableResourceVersioning is true"]],
      [{ enableHistoryModifications: true }, ["enableHistoryModifications is true"]],
    ],
    unknown: [
      [
        { disableResourceVersioning: unknown, enableHistoryModifications: true },
        ["enableHistoryModifications"],
      ],
    ],
  },
  {
    policy: healthcare.gcpHealthcareFhirStoreConfigureFhirR4,
    base: { dataset: "d", version: "R4" },
    fail: [
      [{ version: "STU3" }, ['version is "STU3"']],
      [{ version: undefined }, ["the provider default STU3"]],
    ],
  },
  {
    policy: artifactregistry.gcpArtifactregistryRepositoryMissingCmek,
    base: { format: "DOCKER", kmsKeyName: kms },
    fail: [[{ kmsKeyName: undefined }, ["kmsKeyName is not set"]]],
  },
  {
    policy: secretmanager.gcpSecretmanagerSecretMissingCmek,
    base: {
      secretId: "db",
      replication: { auto: { customerManagedEncryption: { kmsKeyName: kms } } },
    },
    pass: [
      {
        replication: {
          auto: undefined,
          userManaged: {
            replicas: [
              { location: "europe-west3", customerManagedEncryption: { kmsKeyName: kms } },
            ],
          },
        },
      },
    ],
    fail: [
      [
        { replication: { auto: { customerManagedEncryption: undefined } } },
        ["replication.auto.customerManagedEncryption.kmsKeyName is not set"],
      ],
      [
        {
          replication: {
            auto: undefined,
            userManaged: {
              replicas: [
                { location: "europe-west3" },
                { location: "europe-west4", customerManagedEncryption: { kmsKeyName: kms } },
              ],
            },
          },
        },
        ["replicas in europe-west3 set no customerManagedEncryption.kmsKeyName"],
      ],
    ],
  },
  {
    policy: secretmanager.gcpSecretmanagerSecretConfigureRotation,
    base: { secretId: "db", replication: { auto: {} }, rotation: { rotationPeriod: "2592000s" } },
    fail: [
      [{ rotation: undefined }, ["rotation.rotationPeriod is not set (no rotation)"]],
      [{ rotation: { rotationPeriod: "31536000s" } }, ['rotation.rotationPeriod is "31536000s"']],
    ],
  },
  {
    policy: compute.gcpComputeFirewallEnableLogging,
    base: {
      network: "n",
      allows: [{ protocol: "tcp", ports: ["443"] }],
      sourceRanges: ["10.0.0.0/8"],
      logConfig: { metadata: "INCLUDE_ALL_METADATA" },
    },
    fail: [[{ logConfig: undefined }, ["logConfig is not set"]]],
  },
  {
    policy: compute.gcpComputeFirewallDisallowPublicAllPorts,
    base: {
      network: "n",
      allows: [{ protocol: "tcp", ports: ["443"] }],
      sourceRanges: ["0.0.0.0/0"],
    },
    pass: [
      { allows: [{ protocol: "all" }], sourceRanges: ["10.0.0.0/8"] },
      {
        allows: [{ protocol: "all" }],
        direction: "EGRESS",
        sourceRanges: undefined,
        destinationRanges: ["0.0.0.0/0"],
      },
    ],
    fail: [
      [{ allows: [{ protocol: "all" }] }, ["allows all on all ports from 0.0.0.0/0"]],
      [{ allows: [{ protocol: "tcp" }] }, ["allows tcp on all ports"]],
    ],
  },
  {
    policy: cloudrunv2.gcpCloudrunv2ServiceDisallowSecretEnvironmentValues,
    base: {
      location: "europe-west3",
      template: {
        containers: [
          {
            name: "api",
            envs: [
              {
                name: "FHIR_STORE",
                value: "projects/p/locations/europe-west3/datasets/d/fhirStores/s",
              },
              {
                name: "DB_PASSWORD",
                valueSource: { secretKeyRef: { secret: "db", version: "1" } },
              },
              { name: "DB_PASSWORD_SECRET", value: "projects/p/secrets/db/versions/3" },
            ],
          },
        ],
      },
    },
    fail: [
      [
        {
          template: {
            containers: [
              {
                name: "api",
                envs: [{ name: "REPORTING_DSN", value: "postgresql://r:Vq7tLx2p@10.0.0.5:5432/o" }],
              },
            ],
          },
        },
        ["container api env REPORTING_DSN holds what looks like a URL with an embedded password"],
      ],
      [
        { template: { containers: [{ envs: [{ name: "API_TOKEN", value: "t-123" }] }] } },
        ["container #0 env API_TOKEN is named like a secret and holds a literal value"],
      ],
    ],
    unknown: [
      [{ template: { containers: [{ name: "api", envs: [{ name: "X", value: unknown }] }] } }, []],
    ],
  },
  {
    policy: compute.gcpComputeInstanceDisallowPublicIp,
    base: { machineType: "e2-small", bootDisk: {}, networkInterfaces: [{ subnetwork: "apps" }] },
    pass: [{ networkInterfaces: [{ subnetwork: "apps", accessConfigs: [] }] }],
    fail: [
      [
        { networkInterfaces: [{ subnetwork: "apps", accessConfigs: [{}] }] },
        ["networkInterfaces[0] has accessConfigs"],
      ],
      [
        {
          networkInterfaces: [
            { subnetwork: "apps" },
            { subnetwork: "edge", ipv6AccessConfigs: [{ networkTier: "PREMIUM" }] },
          ],
        },
        ["networkInterfaces[1] has ipv6AccessConfigs"],
      ],
    ],
    unknown: [
      [
        { networkInterfaces: [{ accessConfigs: unknown }, { accessConfigs: [{}] }] },
        ["networkInterfaces[1] has accessConfigs"],
      ],
    ],
  },
  {
    policy: compute.gcpComputeInstanceDisableSerialPort,
    base: {
      machineType: "e2-small",
      bootDisk: {},
      networkInterfaces: [],
      metadata: { "enable-oslogin": "TRUE" },
    },
    pass: [{ metadata: { "serial-port-enable": "false" } }, { metadata: undefined }],
    fail: [
      [{ metadata: { "serial-port-enable": "true" } }, ['metadata serial-port-enable is "true"']],
      [{ metadata: { "serial-port-enable": "1" } }, ['metadata serial-port-enable is "1"']],
    ],
    unknown: [[{ metadata: unknown }, []]],
  },
];

/** The IAM member policies share one rule: no public principal. */
export const gcpIamMemberPolicies = [
  [
    healthcare.gcpHealthcareFhirStoreIamMemberDisallowPublicPrincipal,
    { fhirStoreId: "f", role: "roles/healthcare.fhirResourceReader" },
  ],
  [
    healthcare.gcpHealthcareDatasetIamMemberDisallowPublicPrincipal,
    { datasetId: "d", role: "roles/healthcare.datasetViewer" },
  ],
  [
    artifactregistry.gcpArtifactregistryRepositoryIamMemberDisallowPublicPrincipal,
    { repository: "r", role: "roles/artifactregistry.reader" },
  ],
  [
    secretmanager.gcpSecretmanagerSecretIamMemberDisallowPublicPrincipal,
    { secretId: "s", role: "roles/secretmanager.secretAccessor" },
  ],
] as const;

export const gcpIamTables: Table[] = gcpIamMemberPolicies.map(([policy, base]) => ({
  policy,
  base: { ...base, member: "serviceAccount:etl@p.iam.gserviceaccount.com" },
  pass: [{ member: "group:clinicians@example.org" }],
  fail: [
    [{ member: "allUsers" }, ['member is "allUsers"']],
    [{ member: "allAuthenticatedUsers" }, ['member is "allAuthenticatedUsers"']],
  ],
  unknown: [[{ member: unknown }, []]],
}));
