import * as p from "../../../../policies/azure/cognitiveservices";
import { unknown } from "../../harness";
import { describePolicy } from "../cases";

const account = "azure-native:cognitiveservices:Account";
const base = { resourceGroupName: "rg", kind: "OpenAI" };
const net = "(Control ID: HIPAA 164.312(e)(1); HIPAA 164.312(a)(1); GDPR Art. 32)";
const enc = "(Control ID: HIPAA 164.312(a)(2)(iv); GDPR Art. 32)";

describePolicy({
  policy: p.azureCognitiveServicesAccountDisableLocalAuth,
  type: account,
  base,
  pass: [{ properties: { disableLocalAuth: true } }],
  fail: [
    [
      { properties: { disableLocalAuth: false } },
      [
        "properties.disableLocalAuth is false; set it to true. (Control ID: HIPAA 164.312(d); HIPAA 164.312(a)(2)(i); GDPR Art. 32)",
      ],
    ],
  ],
  absent: [
    "properties.disableLocalAuth is not set (keys are accepted); set it to true. (Control ID: HIPAA 164.312(d); HIPAA 164.312(a)(2)(i); GDPR Art. 32)",
  ],
  unknown: { properties: { disableLocalAuth: unknown } },
});

describePolicy({
  policy: p.azureCognitiveServicesAccountDisablePublicNetworkAccess,
  type: account,
  base,
  pass: [{ properties: { publicNetworkAccess: "Disabled" } }],
  fail: [
    [
      { properties: { publicNetworkAccess: "Enabled" } },
      [`properties.publicNetworkAccess is "Enabled"; set it to "Disabled". ${net}`],
    ],
  ],
  absent: [
    `properties.publicNetworkAccess is not set (defaults to Enabled); set it to "Disabled". ${net}`,
  ],
  unknown: { properties: { publicNetworkAccess: unknown } },
});

describePolicy({
  policy: p.azureCognitiveServicesAccountConfigureNetworkDeny,
  type: account,
  base,
  pass: [{ properties: { networkAcls: { defaultAction: "Deny", bypass: "None" } } }],
  fail: [
    [
      { properties: { networkAcls: { defaultAction: "Allow" } } },
      [`properties.networkAcls.defaultAction is "Allow"; set it to "Deny". ${net}`],
    ],
  ],
  absent: [
    `properties.networkAcls.defaultAction is not set (defaults to Allow); set it to "Deny". ${net}`,
  ],
  unknown: { properties: { networkAcls: { defaultAction: unknown } } },
});

describePolicy({
  policy: p.azureCognitiveServicesAccountEnableOutboundRestriction,
  type: account,
  base,
  pass: [
    {
      properties: { restrictOutboundNetworkAccess: true, allowedFqdnList: ["kv.vault.azure.net"] },
    },
  ],
  fail: [
    [
      { properties: { restrictOutboundNetworkAccess: true, allowedFqdnList: [] } },
      [
        "properties.allowedFqdnList is empty; list the hosts the account may call. (Control ID: HIPAA 164.312(e)(1); GDPR Art. 32)",
      ],
    ],
    [
      { properties: { restrictOutboundNetworkAccess: false } },
      [
        "properties.restrictOutboundNetworkAccess is not true; set it to true. (Control ID: HIPAA 164.312(e)(1); GDPR Art. 32)",
      ],
    ],
  ],
  absent: [
    "properties.restrictOutboundNetworkAccess is not true; set it to true. (Control ID: HIPAA 164.312(e)(1); GDPR Art. 32)",
  ],
  unknown: { properties: { restrictOutboundNetworkAccess: unknown } },
});

describePolicy({
  policy: p.azureCognitiveServicesAccountMissingCmk,
  type: account,
  base,
  pass: [
    {
      properties: {
        encryption: {
          keySource: "Microsoft.KeyVault",
          keyVaultProperties: { keyVaultUri: "https://kv.vault.azure.net", keyName: "oai" },
        },
      },
    },
  ],
  fail: [
    [
      { properties: { encryption: { keySource: "Microsoft.CognitiveServices" } } },
      [
        `properties.encryption.keySource is "Microsoft.CognitiveServices"; set it to "Microsoft.KeyVault". ${enc}`,
      ],
    ],
    [
      {
        properties: {
          encryption: { keySource: "Microsoft.KeyVault", keyVaultProperties: { keyName: "oai" } },
        },
      },
      [`properties.encryption.keyVaultProperties must name the keyVaultUri and keyName. ${enc}`],
    ],
  ],
  absent: [
    `properties.encryption.keySource is not set (Microsoft-managed keys); set it to "Microsoft.KeyVault". ${enc}`,
  ],
  unknown: { properties: { encryption: { keySource: unknown } } },
});

describePolicy({
  policy: p.azureCognitiveServicesAccountMissingManagedIdentity,
  type: account,
  base,
  pass: [{ identity: { type: "SystemAssigned" } }],
  fail: [
    [
      { identity: { type: "None" } },
      [
        'identity.type is "None"; set it to "SystemAssigned" or "UserAssigned". (Control ID: HIPAA 164.312(d); HIPAA 164.312(a)(1); GDPR Art. 32)',
      ],
    ],
  ],
  absent: [
    'identity.type is not set (no identity); set it to "SystemAssigned" or "UserAssigned". (Control ID: HIPAA 164.312(d); HIPAA 164.312(a)(1); GDPR Art. 32)',
  ],
  unknown: { identity: { type: unknown } },
});

describePolicy({
  policy: p.azureCognitiveServicesAccountMissingCustomSubdomain,
  type: account,
  base,
  pass: [{ properties: { customSubDomainName: "mediconnect-oai" } }],
  fail: [
    [
      { properties: { customSubDomainName: "" } },
      [
        "properties.customSubDomainName is not set; set it so Entra ID authentication and private endpoints work. (Control ID: HIPAA 164.312(d); HIPAA 164.312(e)(1))",
      ],
    ],
  ],
  absent: [
    "properties.customSubDomainName is not set; set it so Entra ID authentication and private endpoints work. (Control ID: HIPAA 164.312(d); HIPAA 164.312(e)(1))",
  ],
  unknown: { properties: { customSubDomainName: unknown } },
});

const deployment = "azure-native:cognitiveservices:Deployment";
const dbase = { resourceGroupName: "rg", accountName: "oai" };

describePolicy({
  policy: p.azureCognitiveServicesDeploymentMissingRaiPolicy,
  type: deployment,
  base: dbase,
  pass: [{ properties: { raiPolicyName: "mediconnect-strict" } }],
  fail: [
    [
      { properties: { raiPolicyName: "" } },
      [
        "properties.raiPolicyName is not set; name the platform's content filter. (Control ID: GDPR Art. 25; GDPR Art. 32)",
      ],
    ],
  ],
  absent: [
    "properties.raiPolicyName is not set; name the platform's content filter. (Control ID: GDPR Art. 25; GDPR Art. 32)",
  ],
  unknown: { properties: { raiPolicyName: unknown } },
});

describePolicy({
  policy: p.azureCognitiveServicesDeploymentDisableAutoUpgrade,
  type: deployment,
  base: dbase,
  pass: [{ properties: { versionUpgradeOption: "NoAutoUpgrade" } }],
  fail: [
    [
      { properties: { versionUpgradeOption: "OnceCurrentVersionExpired" } },
      [
        'properties.versionUpgradeOption is "OnceCurrentVersionExpired"; set it to "NoAutoUpgrade". (Control ID: HIPAA 164.312(c)(1); GDPR Art. 25)',
      ],
    ],
  ],
  absent: [
    'properties.versionUpgradeOption is not set (OnceNewDefaultVersionAvailable); set it to "NoAutoUpgrade". (Control ID: HIPAA 164.312(c)(1); GDPR Art. 25)',
  ],
  unknown: { properties: { versionUpgradeOption: unknown } },
});

describePolicy({
  policy: p.azureCognitiveServicesDeploymentDisallowGlobalSku,
  type: deployment,
  base: dbase,
  pass: [{ sku: { name: "DataZoneStandard" } }, { sku: { name: "Standard" } }],
  fail: [
    [
      { sku: { name: "GlobalStandard" } },
      [
        'sku.name is "GlobalStandard", which may process data in any region; use "DataZoneStandard" or "Standard". (Control ID: GDPR Art. 44-46)',
      ],
    ],
  ],
  absent: [],
  unknown: { sku: { name: unknown } },
});

const filters = (drop: string[] = []) =>
  [
    ...["Hate", "Sexual", "Violence", "Selfharm"].flatMap((name) =>
      ["Prompt", "Completion"].map((source) => ({
        name,
        source,
        enabled: true,
        blocking: true,
        severityThreshold: "Medium",
      })),
    ),
    { name: "Jailbreak", source: "Prompt", enabled: true, blocking: true },
    { name: "Indirect Attack", source: "Prompt", enabled: true, blocking: true },
  ].filter((f) => !drop.includes(`${f.name}/${f.source}`));
const rai = "(Control ID: GDPR Art. 25; GDPR Art. 32)";

describePolicy({
  policy: p.azureCognitiveServicesRaiPolicyEnableContentFilters,
  type: "azure-native:cognitiveservices:RaiPolicy",
  base: dbase,
  pass: [
    { properties: { mode: "Blocking", contentFilters: filters() } },
    { properties: { contentFilters: filters() } },
  ],
  fail: [
    [
      {
        properties: { contentFilters: filters(["Violence/Completion", "Indirect Attack/Prompt"]) },
      },
      [
        `contentFilters do not enable and block Violence/Completion, Indirect Attack/Prompt. ${rai}`,
      ],
    ],
    [
      { properties: { mode: "Asynchronous_filter", contentFilters: filters() } },
      [
        `mode is "Asynchronous_filter", which returns content before it is filtered; use "Default" or "Blocking". ${rai}`,
      ],
    ],
    [
      {
        properties: {
          contentFilters: filters().map((f) => (f.name === "Hate" ? { ...f, blocking: false } : f)),
        },
      },
      [`contentFilters do not enable and block Hate/Prompt, Hate/Completion. ${rai}`],
    ],
  ],
  absent: [
    `contentFilters do not enable and block Hate/Prompt, Hate/Completion, Sexual/Prompt, Sexual/Completion, Violence/Prompt, Violence/Completion, Selfharm/Prompt, Selfharm/Completion, Jailbreak/Prompt, Indirect Attack/Prompt. ${rai}`,
  ],
  unknown: {
    properties: {
      contentFilters: [{ name: unknown, source: "Prompt", enabled: true, blocking: true }],
    },
  },
});
