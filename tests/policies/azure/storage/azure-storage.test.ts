import * as p from "../../../../policies/azure/storage";
import { unknown } from "../../harness";
import { describePolicy } from "../cases";

const type = "azure-native:storage:StorageAccount";
const base = { resourceGroupName: "rg", kind: "StorageV2", sku: { name: "Standard_ZRS" } };
const tls = "(Control ID: HIPAA 164.312(e)(2)(ii); HIPAA 164.312(e)(1); GDPR Art. 32)";
const net = "(Control ID: HIPAA 164.312(e)(1); HIPAA 164.312(a)(1); GDPR Art. 32)";
const enc = "(Control ID: HIPAA 164.312(a)(2)(iv); GDPR Art. 32)";

describePolicy({
  policy: p.azureStorageStorageAccountConfigureMinimumTls,
  type,
  base,
  pass: [{ minimumTlsVersion: "TLS1_2" }, { minimumTlsVersion: "TLS1_3" }],
  fail: [
    [
      { minimumTlsVersion: "TLS1_0" },
      [`minimumTlsVersion is "TLS1_0"; set it to "TLS1_2". ${tls}`],
    ],
  ],
  absent: [
    `minimumTlsVersion is not set (older accounts accept TLS 1.0); set it to "TLS1_2". ${tls}`,
  ],
  unknown: { minimumTlsVersion: unknown },
});

describePolicy({
  policy: p.azureStorageStorageAccountEnableHttpsOnly,
  type,
  base,
  pass: [{ enableHttpsTrafficOnly: true }],
  fail: [
    [
      { enableHttpsTrafficOnly: false },
      [`enableHttpsTrafficOnly is false; set it to true. ${tls}`],
    ],
  ],
  absent: [],
  unknown: { enableHttpsTrafficOnly: unknown },
});

describePolicy({
  policy: p.azureStorageStorageAccountDisableBlobPublicAccess,
  type,
  base,
  pass: [{ allowBlobPublicAccess: false }],
  fail: [
    [
      { allowBlobPublicAccess: true },
      [
        "allowBlobPublicAccess is true; set it to false. (Control ID: HIPAA 164.312(a)(1); GDPR Art. 32; GDPR Art. 25)",
      ],
    ],
  ],
  absent: [
    "allowBlobPublicAccess is not set (the default depends on the API version); set it to false. (Control ID: HIPAA 164.312(a)(1); GDPR Art. 32; GDPR Art. 25)",
  ],
  unknown: { allowBlobPublicAccess: unknown },
});

describePolicy({
  policy: p.azureStorageStorageAccountDisableSharedKeyAccess,
  type,
  base,
  pass: [{ allowSharedKeyAccess: false }],
  fail: [
    [
      { allowSharedKeyAccess: true },
      [
        "allowSharedKeyAccess is true; set it to false. (Control ID: HIPAA 164.312(d); HIPAA 164.312(a)(2)(i); GDPR Art. 32)",
      ],
    ],
  ],
  absent: [
    "allowSharedKeyAccess is not set (defaults to true); set it to false. (Control ID: HIPAA 164.312(d); HIPAA 164.312(a)(2)(i); GDPR Art. 32)",
  ],
  unknown: { allowSharedKeyAccess: unknown },
});

describePolicy({
  policy: p.azureStorageStorageAccountConfigureNetworkDeny,
  type,
  base,
  pass: [{ networkRuleSet: { defaultAction: "Deny", bypass: "AzureServices" } }],
  fail: [
    [
      { networkRuleSet: { defaultAction: "Allow" } },
      [`networkRuleSet.defaultAction is "Allow"; set it to "Deny". ${net}`],
    ],
  ],
  absent: [`networkRuleSet.defaultAction is not set (defaults to Allow); set it to "Deny". ${net}`],
  unknown: { networkRuleSet: { defaultAction: unknown } },
});

describePolicy({
  policy: p.azureStorageStorageAccountDisablePublicNetworkAccess,
  type,
  base,
  pass: [{ publicNetworkAccess: "Disabled" }],
  fail: [
    [
      { publicNetworkAccess: "Enabled" },
      [`publicNetworkAccess is "Enabled"; set it to "Disabled". ${net}`],
    ],
  ],
  absent: [`publicNetworkAccess is not set (defaults to Enabled); set it to "Disabled". ${net}`],
  unknown: { publicNetworkAccess: unknown },
});

describePolicy({
  policy: p.azureStorageStorageAccountEnableInfrastructureEncryption,
  type,
  base,
  pass: [{ encryption: { requireInfrastructureEncryption: true } }],
  fail: [
    [
      { encryption: { requireInfrastructureEncryption: false } },
      [`encryption.requireInfrastructureEncryption is false; set it to true. ${enc}`],
    ],
  ],
  absent: [`encryption.requireInfrastructureEncryption is not set (false); set it to true. ${enc}`],
  unknown: { encryption: { requireInfrastructureEncryption: unknown } },
});

describePolicy({
  policy: p.azureStorageStorageAccountMissingCmk,
  type,
  base,
  pass: [
    {
      encryption: {
        keySource: "Microsoft.Keyvault",
        keyVaultProperties: { keyName: "k", keyVaultUri: "https://kv.vault.azure.net" },
      },
    },
  ],
  fail: [
    [
      { encryption: { keySource: "Microsoft.Storage" } },
      [
        `encryption.keySource is "Microsoft.Storage"; set it to "Microsoft.Keyvault" with a Key Vault key. ${enc}`,
      ],
    ],
  ],
  absent: [
    `encryption.keySource is not set (Microsoft.Storage); set it to "Microsoft.Keyvault" with a Key Vault key. ${enc}`,
  ],
  unknown: { encryption: { keySource: unknown } },
});

const backup = "(Control ID: HIPAA 164.308(a)(7); HIPAA 164.312(c)(1))";
describePolicy({
  policy: p.azureStorageBlobServicePropertiesEnableDeleteRetention,
  type: "azure-native:storage:BlobServiceProperties",
  base: { resourceGroupName: "rg", accountName: "sa" },
  pass: [
    { deleteRetentionPolicy: { enabled: true, days: 14 } },
    { deleteRetentionPolicy: { enabled: true } },
  ],
  fail: [
    [
      { deleteRetentionPolicy: { enabled: false } },
      [`deleteRetentionPolicy.enabled is not true; enable it with days >= 7. ${backup}`],
    ],
    [
      { deleteRetentionPolicy: { enabled: true, days: 3 } },
      [`deleteRetentionPolicy.days is 3; the minimum is 7. ${backup}`],
    ],
  ],
  absent: [`deleteRetentionPolicy.enabled is not true; enable it with days >= 7. ${backup}`],
  unknown: { deleteRetentionPolicy: { enabled: true, days: unknown } },
  config: [
    [
      { minRetentionDays: 30 },
      { deleteRetentionPolicy: { enabled: true, days: 14 } },
      [`deleteRetentionPolicy.days is 14; the minimum is 30. ${backup}`],
    ],
    [{ minRetentionDays: 30 }, { deleteRetentionPolicy: { enabled: true, days: 30 } }, []],
  ],
});
