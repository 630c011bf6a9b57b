import {
  Recorded,
  byType,
  group,
  installMocks,
  one,
  settle,
  valueOf,
  workspaceId,
} from "../../helpers/mocks";

let recorded: Recorded[];
let mod: typeof import("../../../components/azure/openai-account");
let account: import("../../../components/azure/openai-account").OpenAiAccount;

const tags = { "data-classification": "phi" };
const key = {
  keyUri: "https://mc-eu-phi.vault.azure.net/keys/openai-cmk",
  identityId: "openai-cmk-identity-id",
  identityClientId: "openai-cmk-client",
};

function args(
  overrides: Partial<import("../../../components/azure/openai-account").OpenAiAccountArgs> = {},
) {
  return {
    resourceGroupName: group,
    location: "swedencentral",
    networkLocation: "germanywestcentral",
    namePrefix: "mc-eu",
    key,
    privateEndpointSubnetId: "pe-subnet-id",
    privateDnsZoneId: "zone-openai-id",
    auditWorkspaceId: workspaceId,
    allowedFqdns: ["mc-eu-phi.vault.azure.net"],
    model: {
      name: "gpt-4o",
      version: "2024-11-20",
      sku: "DataZoneStandard" as const,
      capacity: 20,
    },
    contentFilterThreshold: "Low" as const,
    tags,
    ...overrides,
  };
}

beforeAll(async () => {
  recorded = await installMocks();
  mod = await import("../../../components/azure/openai-account");
  account = new mod.OpenAiAccount("openai", args());
  await Promise.all([valueOf(account.deploymentName), valueOf(account.accountId)]);
  await settle();
});

describe("OpenAiAccount", () => {
  it("creates a private OpenAI account: own subdomain, no keys, deny by default, outbound allowlist, CMK", () => {
    expect(
      one(recorded, "azure-native:cognitiveservices:Account", "openai-account").inputs,
    ).toEqual({
      accountName: "mc-eu-openai",
      resourceGroupName: group,
      location: "swedencentral",
      kind: "OpenAI",
      sku: { name: "S0" },
      identity: { type: "UserAssigned", userAssignedIdentities: ["openai-cmk-identity-id"] },
      properties: {
        customSubDomainName: "mc-eu-openai",
        disableLocalAuth: true,
        publicNetworkAccess: "Disabled",
        networkAcls: {
          defaultAction: "Deny",
          bypass: "None",
          ipRules: [],
          virtualNetworkRules: [],
        },
        restrictOutboundNetworkAccess: true,
        allowedFqdnList: ["mc-eu-phi.vault.azure.net"],
        encryption: {
          keySource: "Microsoft.KeyVault",
          keyVaultProperties: {
            keyVaultUri: "https://mc-eu-phi.vault.azure.net/",
            keyName: "openai-cmk",
            identityClientId: "openai-cmk-client",
          },
        },
      },
      tags,
    });
    expect(account.endpoint).toBe("https://mc-eu-openai.openai.azure.com/");
  });

  it("deploys the pinned model version on the configured zonal SKU with automatic upgrades off and the custom filter", async () => {
    expect(
      one(recorded, "azure-native:cognitiveservices:Deployment", "openai-deployment").inputs,
    ).toEqual({
      deploymentName: "gpt-4o",
      accountName: "mc-eu-openai",
      resourceGroupName: group,
      sku: { name: "DataZoneStandard", capacity: 20 },
      properties: {
        model: { format: "OpenAI", name: "gpt-4o", version: "2024-11-20" },
        versionUpgradeOption: "NoAutoUpgrade",
        raiPolicyName: "openai-content-filter",
      },
      tags,
    });
    expect(await valueOf(account.deploymentName)).toBe("gpt-4o");
  });

  it("blocks every harm category on prompts and completions at the configured threshold, with both prompt shields", () => {
    const rai = one(
      recorded,
      "azure-native:cognitiveservices:RaiPolicy",
      "openai-content-filter",
    ).inputs;
    expect([
      rai.raiPolicyName,
      rai.accountName,
      rai.properties.basePolicyName,
      rai.properties.mode,
    ]).toEqual(["openai-content-filter", "mc-eu-openai", "Microsoft.DefaultV2", "Default"]);
    expect(
      rai.properties.contentFilters.map((f: Record<string, unknown>) => [
        f.name,
        f.source,
        f.enabled,
        f.blocking,
        f.severityThreshold,
      ]),
    ).toEqual([
      ["Hate", "Prompt", true, true, "Low"],
      ["Hate", "Completion", true, true, "Low"],
      ["Sexual", "Prompt", true, true, "Low"],
      ["Sexual", "Completion", true, true, "Low"],
      ["Violence", "Prompt", true, true, "Low"],
      ["Violence", "Completion", true, true, "Low"],
      ["Selfharm", "Prompt", true, true, "Low"],
      ["Selfharm", "Completion", true, true, "Low"],
      ["Jailbreak", "Prompt", true, true, undefined],
      ["Indirect Attack", "Prompt", true, true, undefined],
      ["Protected Material Text", "Completion", true, true, undefined],
    ]);
  });

  it("reaches the account through a private endpoint in the network's location and subnet", () => {
    const endpoint = one(
      recorded,
      "azure-native:network:PrivateEndpoint",
      "openai-account-pe",
    ).inputs;
    expect([endpoint.location, endpoint.subnet.id, endpoint.privateLinkServiceConnections]).toEqual(
      [
        "germanywestcentral",
        "pe-subnet-id",
        [
          {
            name: "mc-eu-openai-account-pe",
            privateLinkServiceId: "openai-account-id",
            groupIds: ["account"],
          },
        ],
      ],
    );
    expect(
      one(recorded, "azure-native:network:PrivateDnsZoneGroup", "openai-account-dns").inputs
        .privateDnsZoneConfigs,
    ).toEqual([{ name: "zone-0", privateDnsZoneId: "zone-openai-id" }]);
  });

  it("sends all logs, Audit and RequestResponse included, to the audit workspace", () => {
    expect(byType(recorded, "azure-native:monitor:DiagnosticSetting").map((d) => d.inputs)).toEqual(
      [
        {
          name: "mc-eu-openai-audit",
          resourceUri: "openai-account-id",
          workspaceId,
          logAnalyticsDestinationType: "Dedicated",
          logs: [{ categoryGroup: "allLogs", enabled: true }],
          metrics: [{ category: "AllMetrics", enabled: true }],
        },
      ],
    );
  });

  it.each([
    [
      { model: { name: "gpt-4o", version: "2024-11-20", sku: "GlobalStandard" as never } },
      'OpenAiAccount bad: [model.sku] must be one of DataZoneStandard, DataZoneProvisionedManaged, Standard, ProvisionedManaged (Global* types may process prompts in any region), received "GlobalStandard"',
    ],
    [
      { model: { name: "gpt-4o", version: " " } },
      'OpenAiAccount bad: [model.version] must pin a model version, received ""',
    ],
    [
      { model: { name: "gpt-4o", version: "1", capacity: 0 } },
      "OpenAiAccount bad: [model.capacity] must be a whole number from 1 to 1000, received 0",
    ],
    [
      { allowedFqdns: [] },
      "OpenAiAccount bad: [allowedFqdns] must list at least one host the account may call (for example its Key Vault's), received []",
    ],
  ])("refuses %j", (overrides, message) => {
    expect(() => new mod.OpenAiAccount("bad", args(overrides))).toThrow(message);
  });
});
