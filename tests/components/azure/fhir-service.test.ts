import * as fs from "fs";
import {
  Recorded,
  byType,
  group,
  installMocks,
  one,
  settle,
  subscription,
  tenant,
  valueOf,
  workspaceId,
} from "../../helpers/mocks";

let recorded: Recorded[];
let mod: typeof import("../../../components/azure/fhir-service");
let fhir: import("../../../components/azure/fhir-service").FhirService;

const zones = {
  "privatelink.workspace.azurehealthcareapis.com": "zone-workspace-id",
  "privatelink.fhir.azurehealthcareapis.com": "zone-fhir-id",
  "privatelink.blob.core.windows.net": "zone-blob-id",
};
const tags = { "data-classification": "phi" };
const fhirKey = {
  keyUri: "https://mc-eu-phi.vault.azure.net/keys/fhir-cmk/v1",
  identityId: "fhir-service-identity-id",
  identityPrincipalId: "fhir-service-principal",
};
const storageKey = {
  keyUri: "https://mc-eu-phi.vault.azure.net/keys/storage-cmk",
  identityId: "storage-cmk-identity-id",
};

function args(
  overrides: Partial<import("../../../components/azure/fhir-service").FhirServiceArgs> = {},
) {
  return {
    resourceGroupName: group,
    location: "germanywestcentral",
    namePrefix: "mc-eu",
    subscriptionId: subscription,
    tenantId: tenant,
    fhirKey,
    privateEndpointSubnetId: "pe-subnet-id",
    privateDnsZoneIds: zones,
    auditWorkspaceId: workspaceId,
    corsOrigins: ["https://eu.app.mediconnect.example"],
    tags,
    ...overrides,
  };
}

beforeAll(async () => {
  recorded = await installMocks();
  mod = await import("../../../components/azure/fhir-service");
  fhir = new mod.FhirService("health", args({ smartProxy: true, export: { storageKey } }));
  await Promise.all([valueOf(fhir.fhirServiceId), valueOf(fhir.exportStorageAccountName!)]);
  await settle();
});

const fhirUrl = "https://mceuhealth-fhir.fhir.azurehealthcareapis.com";

describe("FhirService", () => {
  it("cannot close the workspace or the service to the public: publicNetworkAccess is output-only in this provider", () => {
    // Read from the installed provider: if a later version accepts the setting, this fails and the component should set it.
    const source = (file: string) =>
      fs.readFileSync(require.resolve(`@pulumi/azure-native/healthcareapis/${file}.js`), "utf8");
    for (const file of ["workspace", "fhirService"]) {
      expect(source(file)).not.toMatch(
        /resourceInputs\["(publicNetworkAccess|properties)"\] = args/,
      );
    }
    expect(source("fhirService")).toMatch(
      /resourceInputs\["publicNetworkAccess"\] = undefined \/\*out\*\//,
    );
    expect(source("workspace")).toMatch(/resourceInputs\["properties"\] = undefined \/\*out\*\//);
    expect(
      one(recorded, "azure-native:healthcareapis:Workspace", "health-workspace").inputs,
    ).toEqual({
      workspaceName: "mceuhealth",
      resourceGroupName: group,
      location: "germanywestcentral",
      tags,
    });
  });

  it("isolates the workspace through a private endpoint in the endpoints subnet, registered in both FHIR zones", () => {
    const endpoint = one(
      recorded,
      "azure-native:network:PrivateEndpoint",
      "health-workspace-pe",
    ).inputs;
    expect(endpoint).toEqual({
      privateEndpointName: "mc-eu-health-workspace-pe",
      resourceGroupName: group,
      location: "germanywestcentral",
      // The provider fills its SubnetArgs defaults into the reference; the id is the endpoints subnet.
      subnet: {
        id: "pe-subnet-id",
        privateEndpointNetworkPolicies: "Disabled",
        privateLinkServiceNetworkPolicies: "Enabled",
      },
      privateLinkServiceConnections: [
        {
          name: "mc-eu-health-workspace-pe",
          privateLinkServiceId: "health-workspace-id",
          groupIds: ["healthcareworkspace"],
        },
      ],
      tags,
    });
    expect(
      one(recorded, "azure-native:network:PrivateDnsZoneGroup", "health-workspace-dns").inputs,
    ).toEqual({
      privateDnsZoneGroupName: "default",
      privateEndpointName: "mc-eu-health-workspace-pe",
      resourceGroupName: group,
      privateDnsZoneConfigs: [
        { name: "zone-0", privateDnsZoneId: "zone-workspace-id" },
        { name: "zone-1", privateDnsZoneId: "zone-fhir-id" },
      ],
    });
  });

  it("creates an R4 service with Entra ID auth for its own URL, CMK, versioning, import off and named CORS origins", () => {
    expect(one(recorded, "azure-native:healthcareapis:FhirService", "health-fhir").inputs).toEqual({
      fhirServiceName: "fhir",
      workspaceName: "mceuhealth",
      resourceGroupName: group,
      location: "germanywestcentral",
      kind: "fhir-R4",
      identity: { type: "UserAssigned", userAssignedIdentities: ["fhir-service-identity-id"] },
      authenticationConfiguration: {
        authority: `https://login.microsoftonline.com/${tenant}`,
        audience: fhirUrl,
        smartProxyEnabled: true,
      },
      corsConfiguration: {
        origins: ["https://eu.app.mediconnect.example"],
        headers: ["Authorization", "Content-Type", "Accept", "Prefer", "If-Match"],
        methods: ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"],
        maxAge: 600,
        allowCredentials: false,
      },
      encryption: { customerManagedKeyEncryption: { keyEncryptionKeyUrl: fhirKey.keyUri } },
      resourceVersionPolicyConfiguration: { default: "versioned" },
      importConfiguration: { enabled: false, initialImportMode: false },
      exportConfiguration: { storageAccountName: "mceuhealthexport" },
      tags,
    });
    expect(fhir.fhirUrl).toBe(fhirUrl);
  });

  it("exports to a private, customer-key encrypted account without shared keys or public blobs", () => {
    expect(one(recorded, "azure-native:storage:StorageAccount", "health-export").inputs).toEqual({
      accountName: "mceuhealthexport",
      resourceGroupName: group,
      location: "germanywestcentral",
      kind: "StorageV2",
      sku: { name: "Standard_ZRS" },
      accessTier: "Hot",
      identity: { type: "UserAssigned", userAssignedIdentities: ["storage-cmk-identity-id"] },
      encryption: {
        keySource: "Microsoft.Keyvault",
        keyVaultProperties: {
          keyVaultUri: "https://mc-eu-phi.vault.azure.net",
          keyName: "storage-cmk",
        },
        encryptionIdentity: { encryptionUserAssignedIdentity: "storage-cmk-identity-id" },
        requireInfrastructureEncryption: true,
        services: {
          blob: { enabled: true, keyType: "Account" },
          file: { enabled: true, keyType: "Account" },
        },
      },
      minimumTlsVersion: "TLS1_2",
      enableHttpsTrafficOnly: true,
      allowBlobPublicAccess: false,
      allowSharedKeyAccess: false,
      defaultToOAuthAuthentication: true,
      allowCrossTenantReplication: false,
      allowedCopyScope: "PrivateLink",
      isLocalUserEnabled: false,
      isSftpEnabled: false,
      publicNetworkAccess: "Disabled",
      networkRuleSet: {
        defaultAction: "Deny",
        bypass: "None",
        ipRules: [],
        virtualNetworkRules: [],
        resourceAccessRules: [
          {
            tenantId: tenant,
            resourceId: `/subscriptions/${subscription}/resourceGroups/${group}/providers/Microsoft.HealthcareApis/workspaces/mceuhealth/fhirservices/fhir`,
          },
        ],
      },
      tags,
    });
    expect(
      one(recorded, "azure-native:storage:BlobServiceProperties", "health-export-blob").inputs,
    ).toEqual({
      accountName: "mceuhealthexport",
      resourceGroupName: group,
      blobServicesName: "default",
      deleteRetentionPolicy: { enabled: true, days: 7 },
      containerDeleteRetentionPolicy: { enabled: true, days: 7 },
    });
    expect(
      one(recorded, "azure-native:storage:BlobContainer", "health-export-container").inputs,
    ).toEqual({
      accountName: "mceuhealthexport",
      resourceGroupName: group,
      containerName: "fhir-export",
      publicAccess: "None",
    });
    const blobEndpoint = one(
      recorded,
      "azure-native:network:PrivateEndpoint",
      "health-export-blob-pe",
    ).inputs;
    expect([blobEndpoint.subnet.id, blobEndpoint.privateLinkServiceConnections]).toEqual([
      "pe-subnet-id",
      [
        {
          name: "mc-eu-health-export-blob-pe",
          privateLinkServiceId: "health-export-id",
          groupIds: ["blob"],
        },
      ],
    ]);
  });

  it("lets the service's one identity, which also holds the key, write exports, scoped to the export container", () => {
    expect(
      one(recorded, "azure-native:authorization:RoleAssignment", "health-export-writer").inputs,
    ).toEqual({
      principalId: "fhir-service-principal",
      principalType: "ServicePrincipal",
      roleDefinitionId: `/subscriptions/${subscription}/providers/Microsoft.Authorization/roleDefinitions/ba92f5b4-2d11-453d-a403-e96b0029c9fe`,
      scope: "health-export-container-id",
      description: "FHIR service mceuhealth/fhir writes $export files",
    });
  });

  it("sends the FHIR audit logs and the export account's blob audit logs to the audit workspace", () => {
    expect(
      byType(recorded, "azure-native:monitor:DiagnosticSetting").map((d) => [
        d.inputs.resourceUri,
        d.inputs.workspaceId,
        d.inputs.logs,
      ]),
    ).toEqual([
      [
        "health-export-id/blobServices/default",
        workspaceId,
        [{ categoryGroup: "audit", enabled: true }],
      ],
      ["health-fhir-id", workspaceId, [{ categoryGroup: "audit", enabled: true }]],
    ]);
  });

  it("without export, has no storage and no export setting", async () => {
    const before = recorded.length;
    const plain = new mod.FhirService(
      "plain",
      args({
        privateDnsZoneIds: {
          "privatelink.workspace.azurehealthcareapis.com": "w",
          "privatelink.fhir.azurehealthcareapis.com": "f",
        },
      }),
    );
    await valueOf(plain.fhirServiceId);
    await settle();
    const added = recorded.slice(before);
    const service = one(added, "azure-native:healthcareapis:FhirService", "plain-fhir").inputs;
    expect([
      service.identity,
      service.exportConfiguration,
      service.authenticationConfiguration.smartProxyEnabled,
    ]).toEqual([
      { type: "UserAssigned", userAssignedIdentities: ["fhir-service-identity-id"] },
      undefined,
      false,
    ]);
    expect(added.filter((r) => r.type.startsWith("azure-native:storage:"))).toEqual([]);
    expect(plain.exportStorageAccountName).toBeUndefined();
  });

  it("accepts a third-party SMART identity provider's tokens for the service's URL, for reads only", async () => {
    const before = recorded.length;
    const smart = new mod.FhirService(
      "smart",
      args({
        smartIdentityProvider: {
          authority: "https://idp.example.org/realms/clinic",
          clientIds: ["patient-app", "viewer"],
        },
      }),
    );
    await valueOf(smart.fhirServiceId);
    await settle();
    const auth = one(
      recorded.slice(before),
      "azure-native:healthcareapis:FhirService",
      "smart-fhir",
    ).inputs.authenticationConfiguration;
    const url = "https://mceusmart-fhir.fhir.azurehealthcareapis.com";
    expect(auth).toEqual({
      authority: `https://login.microsoftonline.com/${tenant}`,
      audience: url,
      smartProxyEnabled: false,
      smartIdentityProviders: [
        {
          authority: "https://idp.example.org/realms/clinic",
          applications: [
            { clientId: "patient-app", audience: url, allowedDataActions: ["Read"] },
            { clientId: "viewer", audience: url, allowedDataActions: ["Read"] },
          ],
        },
      ],
    });
  });

  it.each([
    [
      { smartIdentityProvider: { authority: "https://idp.example.org", clientIds: [] } },
      'FhirService bad: [smartIdentityProvider] must name an https authority and at least one client id, received {"authority":"https://idp.example.org","clientIds":[]}',
    ],
    [
      { corsOrigins: ["*"] },
      'FhirService bad: [corsOrigins] must list https origins without path or wildcard, received "*"',
    ],
    [
      { corsOrigins: ["http://app.example.org"] },
      'FhirService bad: [corsOrigins] must list https origins without path or wildcard, received "http://app.example.org"',
    ],
    [
      { export: { storageKey, softDeleteDays: 3 } },
      "FhirService bad: [export.softDeleteDays] must be a whole number from 7 to 365, received 3",
    ],
    [
      { privateDnsZoneIds: { "privatelink.fhir.azurehealthcareapis.com": "f" } },
      'FhirService bad: [privateDnsZoneIds] must include privatelink.workspace.azurehealthcareapis.com, received zones ["privatelink.fhir.azurehealthcareapis.com"]',
    ],
  ])("refuses %j", (overrides, message) => {
    expect(() => new mod.FhirService("bad", args(overrides))).toThrow(message);
  });
});
