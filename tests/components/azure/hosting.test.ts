import {
  Recorded,
  byType,
  group,
  installMocks,
  one,
  settle,
  tenant,
  valueOf,
  workspaceId,
} from "../../helpers/mocks";

let recorded: Recorded[];
let envModule: typeof import("../../../components/azure/container-apps-environment");
let serviceModule: typeof import("../../../components/azure/container-service");
let doorModule: typeof import("../../../components/azure/api-front-door");
let door: import("../../../components/azure/api-front-door").ApiFrontDoor;
let service: import("../../../components/azure/container-service").ContainerService;
let gateway: import("../../../components/azure/container-service").ContainerService;

const tags = { "data-classification": "phi" };
const image = `mediconnectregistry.azurecr.io/mediconnect/symptom-triage@sha256:${"ab".repeat(32)}`;
const domain = "calm-sea-1234.germanywestcentral.azurecontainerapps.io";
const gatewayImage = `mediconnectregistry.azurecr.io/mediconnect/fhir-gateway@sha256:${"cd".repeat(32)}`;

function serviceArgs(
  overrides: Partial<
    import("../../../components/azure/container-service").ContainerServiceArgs
  > = {},
) {
  return {
    resourceGroupName: group,
    location: "germanywestcentral",
    namePrefix: "mc-eu",
    environmentId: "apps-environment-id",
    image,
    identityId: "triage-identity-id",
    identityClientId: "triage-client",
    environment: {
      AZURE_OPENAI_ENDPOINT: "https://mc-eu-openai.openai.azure.com/",
      AZURE_OPENAI_DEPLOYMENT: "gpt-4o",
      AZURE_OPENAI_API_VERSION: "2024-10-21",
    },
    allowedSourceRanges: ["10.60.2.0/24"],
    tags,
    ...overrides,
  };
}

beforeAll(async () => {
  recorded = await installMocks();
  envModule = await import("../../../components/azure/container-apps-environment");
  serviceModule = await import("../../../components/azure/container-service");
  doorModule = await import("../../../components/azure/api-front-door");
  const environment = new envModule.ContainerAppsEnvironment("apps", {
    resourceGroupName: group,
    location: "germanywestcentral",
    namePrefix: "mc-eu",
    subnetId: "apps-subnet-id",
    vnetId: "vnet-id",
    auditWorkspaceId: workspaceId,
    tags,
  });
  service = new serviceModule.ContainerService(
    "symptom-triage",
    serviceArgs({ environmentId: environment.environmentId }),
  );
  door = new doorModule.ApiFrontDoor("api", {
    resourceGroupName: group,
    location: "germanywestcentral",
    namePrefix: "mc-eu",
    publisherEmail: "platform-team@mediconnect.example",
    subnetId: "api-subnet-id",
    auditWorkspaceId: workspaceId,
    tenantId: tenant,
    api: {
      name: "triage",
      backendHost: service.fqdn,
      audience: "api://mc-eu-triage",
      routes: [{ method: "POST", path: "/triage" }],
    },
    tags,
  });
  gateway = new serviceModule.ContainerService(
    "fhir-gateway",
    serviceArgs({
      image: gatewayImage,
      identityId: "gateway-identity-id",
      identityClientId: "gateway-client",
      environment: { FHIR_URL: "https://mceu-health.fhir.azurehealthcareapis.com" },
      keyVaultSecrets: {
        PHI_PSEUDONYM_KEY: "https://mc-eu-phi.vault.azure.net/secrets/phi-pseudonym-key",
      },
    }),
  );
  await Promise.all([valueOf(door.apiUrl), valueOf(environment.staticIp), valueOf(gateway.fqdn)]);
  await settle();
});

describe("ContainerAppsEnvironment", () => {
  it("is internal to its subnet, closed to public networks, encrypts traffic between apps and hands out no log key", () => {
    expect(one(recorded, "azure-native:app:ManagedEnvironment", "apps-environment").inputs).toEqual(
      {
        environmentName: "mc-eu-apps",
        resourceGroupName: group,
        location: "germanywestcentral",
        vnetConfiguration: { infrastructureSubnetId: "apps-subnet-id", internal: true },
        publicNetworkAccess: "Disabled",
        workloadProfiles: [{ name: "Consumption", workloadProfileType: "Consumption" }],
        peerTrafficConfiguration: { encryption: { enabled: true } },
        appLogsConfiguration: { destination: "azure-monitor" },
        zoneRedundant: false,
        tags,
      },
    );
    expect(
      byType(recorded, "azure-native:monitor:DiagnosticSetting").find(
        (d) => d.name === "apps-diagnostics",
      )?.inputs,
    ).toEqual({
      name: "mc-eu-apps-logs",
      resourceUri: "apps-environment-id",
      workspaceId,
      logAnalyticsDestinationType: "Dedicated",
      logs: [{ categoryGroup: "allLogs", enabled: true }],
      metrics: [{ category: "AllMetrics", enabled: true }],
    });
  });

  it("resolves every app of the environment to its internal address inside the network", () => {
    expect(
      one(recorded, "azure-native:privatedns:PrivateZone", "apps-zone").inputs.privateZoneName,
    ).toBe(domain);
    expect(
      one(recorded, "azure-native:privatedns:VirtualNetworkLink", "apps-zone-link").inputs,
    ).toMatchObject({
      privateZoneName: domain,
      virtualNetwork: { id: "vnet-id" },
      registrationEnabled: false,
    });
    expect(
      one(recorded, "azure-native:privatedns:PrivateRecordSet", "apps-apps-record").inputs,
    ).toEqual({
      privateZoneName: domain,
      resourceGroupName: group,
      relativeRecordSetName: "*",
      recordType: "A",
      ttl: 300,
      aRecords: [{ ipv4Address: "10.60.1.250" }],
    });
  });
});

describe("ContainerService", () => {
  it("runs the pinned image as its identity, HTTPS-only, reachable from the front door's subnet only, no secrets", async () => {
    expect(one(recorded, "azure-native:app:ContainerApp", "symptom-triage-app").inputs).toEqual({
      containerAppName: "mc-eu-symptom-triage",
      resourceGroupName: group,
      location: "germanywestcentral",
      environmentId: "apps-environment-id",
      workloadProfileName: "Consumption",
      identity: { type: "UserAssigned", userAssignedIdentities: ["triage-identity-id"] },
      configuration: {
        activeRevisionsMode: "Single",
        ingress: {
          external: true,
          targetPort: 8080,
          transport: "http",
          allowInsecure: false,
          ipSecurityRestrictions: [
            {
              name: "allow-0",
              description: "API front door",
              action: "Allow",
              ipAddressRange: "10.60.2.0/24",
            },
          ],
        },
        registries: [{ server: "mediconnectregistry.azurecr.io", identity: "triage-identity-id" }],
        secrets: [],
      },
      template: {
        containers: [
          {
            name: "symptom-triage",
            image,
            env: [
              { name: "PORT", value: "8080" },
              { name: "AZURE_OPENAI_ENDPOINT", value: "https://mc-eu-openai.openai.azure.com/" },
              { name: "AZURE_OPENAI_DEPLOYMENT", value: "gpt-4o" },
              { name: "AZURE_OPENAI_API_VERSION", value: "2024-10-21" },
              { name: "AZURE_CLIENT_ID", value: "triage-client" },
            ],
            resources: { cpu: 0.5, memory: "1Gi" },
            probes: [
              {
                type: "Liveness",
                httpGet: { path: "/healthz", port: 8080 },
                periodSeconds: 10,
                failureThreshold: 3,
              },
              {
                type: "Readiness",
                httpGet: { path: "/readyz", port: 8080 },
                periodSeconds: 5,
                failureThreshold: 3,
              },
            ],
          },
        ],
        scale: { minReplicas: 1, maxReplicas: 10 },
      },
      tags,
    });
    expect(await valueOf(service.fqdn)).toBe(`mc-eu-symptom-triage.${domain}`);
  });

  it("reads a secret variable from Key Vault through its identity, never as a value", async () => {
    const inputs = one(recorded, "azure-native:app:ContainerApp", "fhir-gateway-app").inputs as {
      configuration: { secrets: unknown };
      template: { containers: Array<{ env: unknown }> };
    };
    expect(inputs.configuration.secrets).toEqual([
      {
        name: "phi-pseudonym-key",
        keyVaultUrl: "https://mc-eu-phi.vault.azure.net/secrets/phi-pseudonym-key",
        identity: "gateway-identity-id",
      },
    ]);
    expect(inputs.template.containers[0].env).toEqual([
      { name: "PORT", value: "8080" },
      { name: "FHIR_URL", value: "https://mceu-health.fhir.azurehealthcareapis.com" },
      { name: "PHI_PSEUDONYM_KEY", secretRef: "phi-pseudonym-key" },
      { name: "AZURE_CLIENT_ID", value: "gateway-client" },
    ]);
    expect(await valueOf(gateway.fqdn)).toBe(`mc-eu-fhir-gateway.${domain}`);
  });

  it.each([
    [
      { keyVaultSecrets: { "phi-key": "https://v.vault.azure.net/secrets/k" } },
      '[keyVaultSecrets] names environment variables (upper case, digits, underscores) not set elsewhere, received "phi-key"',
    ],
    [
      {
        environment: { FHIR_URL: "https://x" },
        keyVaultSecrets: { FHIR_URL: "https://v.vault.azure.net/secrets/k" },
      },
      'received "FHIR_URL"',
    ],
    [
      { image: "mediconnectregistry.azurecr.io/mediconnect/symptom-triage:1.0" },
      "[image] must be pinned by digest",
    ],
    [{ environment: { OPENAI_API_KEY: "x" } }, 'received a variable named "OPENAI_API_KEY"'],
    [{ environment: { AZURE_CLIENT_ID: "x" } }, 'received a variable named "AZURE_CLIENT_ID"'],
    [
      { allowedSourceRanges: ["0.0.0.0/0"] },
      '[allowedSourceRanges] must list the IPv4 ranges (CIDR, not /0) allowed to call the service, received ["0.0.0.0/0"]',
    ],
    [{ allowedSourceRanges: [] }, "[allowedSourceRanges] must list"],
    [
      { port: 80 },
      "ContainerService bad: [port] must be a whole number from 1024 to 65535, received 80",
    ],
  ])("refuses %j", (overrides, message) => {
    expect(() => new serviceModule.ContainerService("bad", serviceArgs(overrides))).toThrow(
      message,
    );
  });
});

describe("ApiFrontDoor", () => {
  it("is a regional Standard v2 gateway with legacy TLS off, portals off and outbound VNet integration", () => {
    const inputs = one(
      recorded,
      "azure-native:apimanagement:ApiManagementService",
      "api-service",
    ).inputs;
    expect(inputs).toMatchObject({
      serviceName: "mc-eu-api",
      location: "germanywestcentral",
      sku: { name: "StandardV2", capacity: 1 },
      identity: { type: "SystemAssigned" },
      virtualNetworkType: "External",
      virtualNetworkConfiguration: { subnetResourceId: "api-subnet-id" },
      publicNetworkAccess: "Enabled",
      developerPortalStatus: "Disabled",
      legacyPortalStatus: "Disabled",
      tags,
    });
    expect(inputs.customProperties).toEqual({
      "Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Protocols.Tls10": "False",
      "Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Protocols.Tls11": "False",
      "Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Protocols.Ssl30": "False",
      "Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Backend.Protocols.Tls10": "False",
      "Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Backend.Protocols.Tls11": "False",
      "Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Backend.Protocols.Ssl30": "False",
      "Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Ciphers.TripleDes168": "False",
    });
  });

  it("publishes only POST /triage over HTTPS to the internal backend, behind Entra ID token validation", async () => {
    expect(one(recorded, "azure-native:apimanagement:Api", "api-triage-api").inputs).toEqual({
      apiId: "triage",
      serviceName: "mc-eu-api",
      resourceGroupName: group,
      displayName: "triage",
      path: "triage",
      protocols: ["https"],
      serviceUrl: `https://mc-eu-symptom-triage.${domain}`,
      subscriptionRequired: false,
      apiType: "http",
    });
    expect(
      byType(recorded, "azure-native:apimanagement:ApiOperation").map((o) => o.inputs),
    ).toEqual([
      {
        operationId: "post-triage",
        apiId: "triage",
        serviceName: "mc-eu-api",
        resourceGroupName: group,
        displayName: "POST /triage",
        method: "POST",
        urlTemplate: "/triage",
      },
    ]);
    const policy = one(
      recorded,
      "azure-native:apimanagement:ApiPolicy",
      "api-triage-policy",
    ).inputs;
    expect(policy).toEqual({
      apiId: "triage",
      serviceName: "mc-eu-api",
      resourceGroupName: group,
      policyId: "policy",
      format: "xml",
      value: doorModule.gatewayPolicy(tenant, "api://mc-eu-triage", 60),
    });
    expect(policy.value).toContain(
      `<validate-azure-ad-token tenant-id="${tenant}" header-name="Authorization" failed-validation-httpcode="401">`,
    );
    expect(policy.value).toContain(
      "<audiences><audience>api://mc-eu-triage</audience></audiences>",
    );
    expect(await valueOf(door.apiUrl)).toBe("https://mc-eu-api.azure-api.net/triage");
  });

  it("escapes XML in the token settings", () => {
    expect(doorModule.gatewayPolicy("t", 'a"<b>&', 1)).toContain(
      "<audience>a&quot;&lt;b&gt;&amp;</audience>",
    );
  });

  it("sends its gateway logs to the audit workspace", () => {
    expect(
      one(recorded, "azure-native:monitor:DiagnosticSetting", "api-diagnostics").inputs,
    ).toMatchObject({
      resourceUri: "api-service-id",
      workspaceId,
      logs: [{ categoryGroup: "allLogs", enabled: true }],
    });
  });
});
