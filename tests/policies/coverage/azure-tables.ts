/** Tables for the Azure service policies (see table.ts). */
import * as apimanagement from "../../../policies/azure/apimanagement";
import * as app from "../../../policies/azure/app";
import * as containerservice from "../../../policies/azure/containerservice";
import * as cosmosdb from "../../../policies/azure/cosmosdb";
import * as datafactory from "../../../policies/azure/datafactory";
import * as dbformysql from "../../../policies/azure/dbformysql";
import * as eventhub from "../../../policies/azure/eventhub";
import * as frontdoor from "../../../policies/azure/frontdoor";
import * as machinelearningservices from "../../../policies/azure/machinelearningservices";
import * as network from "../../../policies/azure/network";
import * as redis from "../../../policies/azure/redis";
import * as servicebus from "../../../policies/azure/servicebus";
import * as sql from "../../../policies/azure/sql";
import * as synapse from "../../../policies/azure/synapse";
import * as web from "../../../policies/azure/web";
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { Table, unknown } from "./table";

const rg = { resourceGroupName: "rg", location: "germanywestcentral" };
const keyUri = "https://kv-phi.vault.azure.net/keys/data/0123";

/** publicNetworkAccess (or another path) must be "Disabled"; the service default Enabled fails. */
function publicTable(
  policy: ResourceValidationPolicy,
  base: Record<string, unknown>,
  path = "publicNetworkAccess",
): Table {
  const set = (v: unknown): Record<string, unknown> =>
    path === "publicNetworkAccess"
      ? { publicNetworkAccess: v }
      : { network: { publicNetworkAccess: v } };
  return {
    policy,
    base: { ...rg, ...base, ...set("Disabled") },
    fail: [
      [set("Enabled"), [`${path} is "Enabled"; expected "Disabled".`]],
      [set(undefined), [`${path} is not set (the service default Enabled)`]],
    ],
    unknown: [[set(unknown), []]],
  };
}

function tlsTable(
  policy: ResourceValidationPolicy,
  base: Record<string, unknown>,
  field: string,
  good: string,
  weak: string,
): Table {
  return {
    policy,
    base: { ...rg, ...base, [field]: good },
    pass: [{ [field]: undefined }],
    fail: [[{ [field]: weak }, [`${field} is ${JSON.stringify(weak)}`]]],
    unknown: [[{ [field]: unknown }, []]],
  };
}

const cluster = {
  dnsPrefix: "phi",
  apiServerAccessProfile: { enablePrivateCluster: true },
  disableLocalAccounts: true,
  aadProfile: { managed: true, enableAzureRBAC: true },
  diskEncryptionSetID:
    "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/diskEncryptionSets/des",
};

export const azureTables: Table[] = [
  publicTable(cosmosdb.azureCosmosdbDatabaseAccountDisablePublicNetworkAccess, {
    databaseAccountOfferType: "Standard",
  }),
  {
    policy: cosmosdb.azureCosmosdbDatabaseAccountDisableLocalAuth,
    base: { ...rg, databaseAccountOfferType: "Standard", disableLocalAuth: true },
    fail: [[{ disableLocalAuth: undefined }, ["disableLocalAuth is not set (keys accepted)"]]],
    unknown: [[{ disableLocalAuth: unknown }, []]],
  },
  {
    policy: cosmosdb.azureCosmosdbDatabaseAccountMissingCmk,
    base: { ...rg, databaseAccountOfferType: "Standard", keyVaultKeyUri: keyUri },
    fail: [[{ keyVaultKeyUri: undefined }, ["keyVaultKeyUri names no Key Vault key"]]],
  },
  tlsTable(
    cosmosdb.azureCosmosdbDatabaseAccountConfigureMinimumTls,
    { databaseAccountOfferType: "Standard" },
    "minimalTlsVersion",
    "Tls12",
    "Tls",
  ),
  {
    policy: web.azureWebWebAppEnableHttpsOnly,
    base: { ...rg, serverFarmId: "plan", httpsOnly: true },
    fail: [[{ httpsOnly: undefined }, ["httpsOnly is not set (the service default false)"]]],
  },
  {
    policy: web.azureWebWebAppConfigureMinimumTls,
    base: {
      ...rg,
      serverFarmId: "plan",
      siteConfig: { minTlsVersion: "1.2", scmMinTlsVersion: "1.3" },
    },
    pass: [{ siteConfig: undefined }],
    fail: [
      [{ siteConfig: { minTlsVersion: "1.0" } }, ['siteConfig.minTlsVersion is "1.0"']],
      [{ siteConfig: { scmMinTlsVersion: "1.1" } }, ['siteConfig.scmMinTlsVersion is "1.1"']],
    ],
    unknown: [
      [{ siteConfig: { minTlsVersion: unknown, scmMinTlsVersion: "1.0" } }, ["scmMinTlsVersion"]],
    ],
  },
  {
    policy: web.azureWebWebAppDisableFtp,
    base: { ...rg, serverFarmId: "plan", siteConfig: { ftpsState: "Disabled" } },
    pass: [{ siteConfig: { ftpsState: "FtpsOnly" } }],
    fail: [[{ siteConfig: { ftpsState: "AllAllowed" } }, ['siteConfig.ftpsState is "AllAllowed"']]],
  },
  publicTable(web.azureWebWebAppDisablePublicNetworkAccess, {
    serverFarmId: "plan",
    kind: "functionapp",
  }),
  {
    policy: web.azureWebWebAppDisableRemoteDebugging,
    base: { ...rg, serverFarmId: "plan", siteConfig: { remoteDebuggingEnabled: false } },
    pass: [{ siteConfig: undefined }],
    fail: [[{ siteConfig: { remoteDebuggingEnabled: true } }, ["remoteDebuggingEnabled is true"]]],
  },
  {
    policy: containerservice.azureContainerserviceManagedClusterDisallowPublicApiServer,
    base: { ...rg, ...cluster },
    pass: [
      {
        apiServerAccessProfile: {
          enablePrivateCluster: false,
          authorizedIPRanges: ["203.0.113.0/24"],
        },
      },
    ],
    fail: [
      [
        { apiServerAccessProfile: undefined },
        ["enablePrivateCluster not set (public) and authorizedIPRanges []"],
      ],
      [
        {
          apiServerAccessProfile: {
            enablePrivateCluster: false,
            authorizedIPRanges: ["0.0.0.0/0"],
          },
        },
        ['authorizedIPRanges ["0.0.0.0/0"]'],
      ],
    ],
  },
  {
    policy: containerservice.azureContainerserviceManagedClusterDisableLocalAccounts,
    base: { ...rg, ...cluster },
    fail: [
      [
        { disableLocalAccounts: undefined },
        ["disableLocalAccounts is not set (the service default false)"],
      ],
      [
        { aadProfile: undefined, enableRBAC: false },
        ["aadProfile.managed is not true", "enableRBAC is false"],
      ],
    ],
    unknown: [[{ disableLocalAccounts: unknown, enableRBAC: false }, ["enableRBAC is false"]]],
  },
  {
    policy: containerservice.azureContainerserviceManagedClusterMissingDiskEncryptionSet,
    base: { ...rg, ...cluster },
    fail: [[{ diskEncryptionSetID: undefined }, ["diskEncryptionSetID names no Key Vault key"]]],
  },
  {
    policy: app.azureAppContainerAppDisallowInsecureIngress,
    base: { ...rg, configuration: { ingress: { external: false, targetPort: 8080 } } },
    fail: [[{ configuration: { ingress: { allowInsecure: true } } }, ["allowInsecure is true"]]],
  },
  {
    policy: app.azureAppContainerAppDisallowPublicIngress,
    base: { ...rg, configuration: { ingress: { external: false, targetPort: 8080 } } },
    pass: [
      {
        configuration: {
          ingress: {
            external: true,
            ipSecurityRestrictions: [
              { name: "clinic", action: "Allow", ipAddressRange: "203.0.113.0/24" },
            ],
          },
        },
      },
    ],
    fail: [
      [{ configuration: { ingress: { external: true } } }, ["no Allow ipSecurityRestrictions"]],
      [
        {
          configuration: {
            ingress: {
              external: true,
              ipSecurityRestrictions: [
                { name: "all", action: "Allow", ipAddressRange: "0.0.0.0/0" },
              ],
            },
          },
        },
        ["exposed to the internet"],
      ],
    ],
  },
  {
    policy: redis.azureRedisRedisDisableNonSslPort,
    base: { ...rg, sku: { name: "Premium", family: "P", capacity: 1 } },
    pass: [{ enableNonSslPort: false }],
    fail: [[{ enableNonSslPort: true }, ["enableNonSslPort is true"]]],
  },
  tlsTable(
    redis.azureRedisRedisConfigureMinimumTls,
    { sku: { name: "Premium", family: "P", capacity: 1 } },
    "minimumTlsVersion",
    "1.2",
    "1.0",
  ),
  publicTable(redis.azureRedisRedisDisablePublicNetworkAccess, {
    sku: { name: "Premium", family: "P", capacity: 1 },
  }),
  publicTable(
    dbformysql.azureDbformysqlServerDisablePublicNetworkAccess,
    { version: "8.0.21" },
    "network.publicNetworkAccess",
  ),
  {
    policy: dbformysql.azureDbformysqlServerConfigureBackup,
    base: { ...rg, backup: { backupRetentionDays: 14, geoRedundantBackup: "Enabled" } },
    pass: [{ backup: undefined }],
    fail: [
      [
        { backup: { backupRetentionDays: 3 } },
        ["backup.backupRetentionDays is 3; expected at least 7 days"],
      ],
    ],
  },
  {
    policy: dbformysql.azureDbformysqlServerMissingCmk,
    base: {
      ...rg,
      dataEncryption: {
        type: "AzureKeyVault",
        primaryKeyURI: keyUri,
        primaryUserAssignedIdentityId: "id",
      },
    },
    fail: [
      [
        { dataEncryption: { type: "SystemManaged", primaryKeyURI: undefined } },
        ["dataEncryption names no Key Vault key"],
      ],
    ],
  },
  ...(
    [
      [
        eventhub.azureEventhubNamespaceDisableLocalAuth,
        eventhub.azureEventhubNamespaceConfigureMinimumTls,
        eventhub.azureEventhubNamespaceDisablePublicNetworkAccess,
        eventhub.azureEventhubNamespaceMissingCmk,
      ],
      [
        servicebus.azureServicebusNamespaceDisableLocalAuth,
        servicebus.azureServicebusNamespaceConfigureMinimumTls,
        servicebus.azureServicebusNamespaceDisablePublicNetworkAccess,
        servicebus.azureServicebusNamespaceMissingCmk,
      ],
    ] as const
  ).flatMap(([local, tls, pub, cmk]): Table[] => [
    {
      policy: local,
      base: { ...rg, sku: { name: "Premium" }, disableLocalAuth: true },
      fail: [[{ disableLocalAuth: false }, ["disableLocalAuth is false"]]],
    },
    tlsTable(tls, { sku: { name: "Premium" } }, "minimumTlsVersion", "1.2", "1.0"),
    publicTable(pub, { sku: { name: "Premium" } }),
    {
      policy: cmk,
      base: {
        ...rg,
        sku: { name: "Premium" },
        encryption: {
          keySource: "Microsoft.KeyVault",
          keyVaultProperties: [{ keyName: "k", keyVaultUri: "https://kv.vault.azure.net" }],
        },
      },
      fail: [[{ encryption: undefined }, ["encryption.keyVaultProperties names no Key Vault key"]]],
    },
  ]),
  publicTable(datafactory.azureDatafactoryFactoryDisablePublicNetworkAccess, {}),
  {
    policy: datafactory.azureDatafactoryFactoryMissingCmk,
    base: { ...rg, encryption: { vaultBaseUrl: "https://kv.vault.azure.net", keyName: "k" } },
    fail: [[{ encryption: undefined }, ["encryption names no Key Vault key"]]],
  },
  publicTable(synapse.azureSynapseWorkspaceDisablePublicNetworkAccess, {}),
  {
    policy: synapse.azureSynapseWorkspaceEnableAadOnlyAuthentication,
    base: { ...rg, azureADOnlyAuthentication: true },
    fail: [[{ azureADOnlyAuthentication: false }, ["azureADOnlyAuthentication is false"]]],
  },
  {
    policy: synapse.azureSynapseWorkspaceMissingCmk,
    base: { ...rg, encryption: { cmk: { key: { name: "k", keyVaultUrl: keyUri } } } },
    fail: [[{ encryption: undefined }, ["encryption.cmk.key names no Key Vault key"]]],
  },
  {
    policy: synapse.azureSynapseWorkspaceEnableDataExfiltrationProtection,
    base: {
      ...rg,
      managedVirtualNetwork: "default",
      managedVirtualNetworkSettings: { preventDataExfiltration: true },
    },
    fail: [[{ managedVirtualNetworkSettings: undefined }, ["preventDataExfiltration is not set"]]],
  },
  {
    policy: apimanagement.azureApimanagementApiManagementServiceDisableLegacyTls,
    base: {
      ...rg,
      publisherEmail: "a@b.c",
      publisherName: "p",
      sku: { name: "Premium", capacity: 1 },
    },
    pass: [
      {
        customProperties: {
          "Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Protocols.Tls10": "False",
        },
      },
    ],
    fail: [
      [
        {
          customProperties: {
            "Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Backend.Protocols.Tls11": "true",
          },
        },
        [
          "customProperties enables Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Backend.Protocols.Tls11",
        ],
      ],
    ],
  },
  {
    policy: apimanagement.azureApimanagementApiManagementServiceEnableVirtualNetwork,
    base: {
      ...rg,
      publisherEmail: "a@b.c",
      publisherName: "p",
      sku: { name: "Premium", capacity: 1 },
      virtualNetworkType: "Internal",
    },
    fail: [[{ virtualNetworkType: undefined }, ["the service default None"]]],
  },
  {
    policy: network.azureNetworkWebApplicationFirewallPolicyEnforcePreventionMode,
    base: {
      ...rg,
      policySettings: { state: "Enabled", mode: "Prevention" },
      managedRules: {
        managedRuleSets: [{ ruleSetType: "Microsoft_DefaultRuleSet", ruleSetVersion: "2.1" }],
      },
    },
    fail: [
      [{ policySettings: { mode: "Detection" } }, ['policySettings.mode is "Detection"']],
      [
        { policySettings: { mode: undefined, state: "Disabled" } },
        ["the service default Detection", 'policySettings.state is "Disabled"'],
      ],
      [{ managedRules: { managedRuleSets: [] } }, ["managedRules.managedRuleSets is empty"]],
    ],
  },
  {
    policy: frontdoor.azureFrontdoorPolicyEnforcePreventionMode,
    base: {
      resourceGroupName: "rg",
      policySettings: { enabledState: "Enabled", mode: "Prevention" },
    },
    fail: [
      [
        { policySettings: { enabledState: "Disabled", mode: "Detection" } },
        ['mode is "Detection"', 'enabledState is "Disabled"'],
      ],
    ],
  },
  publicTable(
    machinelearningservices.azureMachinelearningservicesWorkspaceDisablePublicNetworkAccess,
    {},
  ),
  {
    policy: machinelearningservices.azureMachinelearningservicesWorkspaceMissingCmk,
    base: {
      ...rg,
      encryption: {
        status: "Enabled",
        keyVaultProperties: { keyVaultArmId: "kv", keyIdentifier: keyUri },
      },
    },
    fail: [
      [
        { encryption: undefined },
        ["encryption.keyVaultProperties.keyIdentifier names no Key Vault key"],
      ],
    ],
  },
  {
    policy:
      machinelearningservices.azureMachinelearningservicesWorkspaceEnableManagedNetworkIsolation,
    base: { ...rg, managedNetwork: { isolationMode: "AllowOnlyApprovedOutbound" } },
    fail: [[{ managedNetwork: undefined }, ["the service default Disabled"]]],
  },
  {
    policy: containerservice.azureContainerserviceManagedClusterConfigureNetworkPolicy,
    base: { ...rg, networkProfile: { networkPlugin: "azure", networkPolicy: "calico" } },
    pass: [
      { networkProfile: { networkPolicy: "azure" } },
      { networkProfile: { networkPolicy: "cilium", networkDataplane: "cilium" } },
    ],
    fail: [
      [{ networkProfile: undefined }, ["no network policy engine"]],
      [{ networkProfile: { networkPolicy: "none" } }, ['networkPolicy is "none"']],
    ],
    unknown: [[{ networkProfile: { networkPolicy: unknown } }, []]],
  },
  {
    policy: containerservice.azureContainerserviceManagedClusterDisallowNodePublicIp,
    base: {
      ...rg,
      agentPoolProfiles: [{ name: "system", mode: "System", enableNodePublicIP: false }],
    },
    pass: [{ agentPoolProfiles: [{ name: "system", mode: "System" }] }],
    fail: [
      [
        {
          agentPoolProfiles: [
            { name: "system", enableNodePublicIP: false },
            { name: "edge", enableNodePublicIP: true },
          ],
        },
        ["agentPoolProfiles edge has enableNodePublicIP true"],
      ],
    ],
    unknown: [[{ agentPoolProfiles: unknown }, []]],
  },
  {
    policy: app.azureAppContainerAppDisallowSecretEnvironmentValues,
    base: {
      ...rg,
      template: {
        containers: [
          {
            name: "api",
            env: [
              { name: "FHIR_BASE_URL", value: "https://fhir.internal/r4" },
              { name: "DB_PASSWORD", secretRef: "db-password" },
              { name: "DB_PASSWORD_FILE", value: "/mnt/secrets/db-password" },
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
                env: [{ name: "MAIL_RELAY", value: "SG." + "a".repeat(22) + "." + "b".repeat(43) }],
              },
            ],
          },
        },
        ["container api env MAIL_RELAY holds what looks like a SendGrid API key"],
      ],
      [
        {
          template: {
            initContainers: [{ name: "migrate", env: [{ name: "DB_PASSWORD", value: "hunter2" }] }],
          },
        },
        ["container migrate env DB_PASSWORD is named like a secret and holds a literal value"],
      ],
    ],
    unknown: [
      [
        {
          template: {
            containers: [
              {
                name: "api",
                env: [
                  { name: "A", value: unknown },
                  { name: "DB_PASSWORD", value: "hunter2" },
                ],
              },
            ],
          },
        },
        ["env DB_PASSWORD is named like a secret"],
      ],
    ],
  },
  {
    policy: web.azureWebWebAppDisallowSecretAppSettings,
    base: {
      ...rg,
      siteConfig: {
        appSettings: [
          { name: "FHIR_BASE_URL", value: "https://fhir.internal/r4" },
          {
            name: "DB_PASSWORD",
            value: "@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/db/)",
          },
        ],
        connectionStrings: [
          {
            name: "records",
            connectionString:
              "Server=tcp:sql.internal;Authentication=Active Directory Managed Identity;",
          },
        ],
      },
    },
    fail: [
      [
        {
          siteConfig: {
            appSettings: [
              {
                name: "DOCS_STORE",
                value:
                  "DefaultEndpointsProtocol=https;AccountName=a;AccountKey=" +
                  "Zm9vYmFy".repeat(5) +
                  "==",
              },
            ],
          },
        },
        ["siteConfig.appSettings DOCS_STORE holds what looks like an Azure storage account key"],
      ],
      [
        {
          siteConfig: {
            connectionStrings: [
              {
                name: "records",
                connectionString: "Server=tcp:sql;User Id=app;Password=Winter2026!;",
              },
            ],
          },
        },
        [
          "siteConfig.connectionStrings records holds what looks like a password in a connection string",
        ],
      ],
    ],
    unknown: [[{ siteConfig: { appSettings: [{ name: "X", value: unknown }] } }, []]],
  },
  {
    policy: dbformysql.azureDbformysqlConfigurationEnforceSecureTransport,
    base: {
      ...rg,
      serverName: "mysql",
      configurationName: "require_secure_transport",
      value: "ON",
    },
    pass: [
      { value: "on" },
      { configurationName: "tls_version", value: "TLSv1.2,TLSv1.3" },
      { configurationName: "slow_query_log", value: "OFF" },
    ],
    fail: [
      [{ value: "OFF" }, ['require_secure_transport is "OFF"']],
      [{ configurationName: "tls_version", value: "TLSv1.1,TLSv1.2" }, ["which allows TLSv1.1"]],
    ],
    unknown: [[{ value: unknown }, []]],
  },
  {
    policy: sql.azureSqlServerBlobAuditingPolicyConfigureAuditRetention,
    base: { ...rg, serverName: "sql", state: "Enabled", retentionDays: 2190 },
    pass: [{ retentionDays: 0 }, { retentionDays: undefined }, { retentionDays: 365 }],
    fail: [
      [{ retentionDays: 30 }, ["retentionDays is 30; expected 0 (forever) or at least 365"]],
      [{ state: "Disabled" }, ['state is "Disabled"']],
    ],
    unknown: [[{ state: unknown, retentionDays: 30 }, ["retentionDays is 30"]]],
  },
];
