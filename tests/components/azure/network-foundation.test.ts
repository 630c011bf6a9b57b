import { Recorded, byType, group, installMocks, one, settle, valueOf } from "../../helpers/mocks";

let recorded: Recorded[];
let mod: typeof import("../../../components/azure/network-foundation");
let network: import("../../../components/azure/network-foundation").NetworkFoundation;

const tags = { "data-classification": "phi" };

beforeAll(async () => {
  recorded = await installMocks();
  mod = await import("../../../components/azure/network-foundation");
  network = new mod.NetworkFoundation("network", {
    resourceGroupName: group,
    location: "germanywestcentral",
    namePrefix: "mc-eu",
    addressSpace: "10.60.0.0/22",
    privateDnsZones: ["privatelink.openai.azure.com", "privatelink.blob.core.windows.net"],
    tags,
  });
  await Promise.all([
    valueOf(network.subnetIds.api),
    valueOf(network.privateDnsZoneIds["privatelink.openai.azure.com"]),
  ]);
  await settle();
});

describe("NetworkFoundation", () => {
  it("creates one network with the configured address space", () => {
    expect(one(recorded, "azure-native:network:VirtualNetwork", "network-vnet").inputs).toEqual({
      virtualNetworkName: "mc-eu-network",
      resourceGroupName: group,
      location: "germanywestcentral",
      addressSpace: { addressPrefixes: ["10.60.0.0/22"] },
      // The provider's defaults.
      enableDdosProtection: false,
      enableVmProtection: false,
      tags,
    });
  });

  it("carves three /24 subnets, each behind its own security group, none with default outbound access", () => {
    expect(byType(recorded, "azure-native:network:Subnet").map((s) => s.inputs)).toEqual([
      {
        subnetName: "private-endpoints",
        resourceGroupName: group,
        virtualNetworkName: "mc-eu-network",
        addressPrefix: "10.60.0.0/24",
        networkSecurityGroup: { id: "network-private-endpoints-nsg-id" },
        defaultOutboundAccess: false,
        privateEndpointNetworkPolicies: "Enabled",
        privateLinkServiceNetworkPolicies: "Enabled",
      },
      {
        subnetName: "apps",
        resourceGroupName: group,
        virtualNetworkName: "mc-eu-network",
        addressPrefix: "10.60.1.0/24",
        networkSecurityGroup: { id: "network-apps-nsg-id" },
        defaultOutboundAccess: false,
        privateEndpointNetworkPolicies: "Enabled",
        privateLinkServiceNetworkPolicies: "Enabled",
        delegations: [{ name: "apps", serviceName: "Microsoft.App/environments" }],
      },
      {
        subnetName: "api",
        resourceGroupName: group,
        virtualNetworkName: "mc-eu-network",
        addressPrefix: "10.60.2.0/24",
        networkSecurityGroup: { id: "network-api-nsg-id" },
        defaultOutboundAccess: false,
        privateEndpointNetworkPolicies: "Enabled",
        privateLinkServiceNetworkPolicies: "Enabled",
        delegations: [{ name: "api", serviceName: "Microsoft.Web/serverFarms" }],
      },
    ]);
    expect(network.subnetPrefixes).toEqual({
      "private-endpoints": "10.60.0.0/24",
      apps: "10.60.1.0/24",
      api: "10.60.2.0/24",
    });
  });

  it("ends every security group with deny-all inbound and allows only HTTPS front door -> apps -> endpoints, probes and the apps subnet within itself", () => {
    const rules = (role: string) =>
      one(recorded, "azure-native:network:NetworkSecurityGroup", `network-${role}-nsg`).inputs
        .securityRules as Record<string, unknown>[];
    const summary = (role: string) =>
      rules(role).map((r) => [
        r.name,
        r.priority,
        r.access,
        r.direction,
        r.protocol,
        r.sourceAddressPrefix,
        r.destinationAddressPrefix,
        r.destinationPortRange,
      ]);
    const deny = ["DenyAllInbound", 4096, "Deny", "Inbound", "*", "*", "*", "*"];
    expect(summary("private-endpoints")).toEqual([
      [
        "AllowAppsHttpsToEndpoints",
        100,
        "Allow",
        "Inbound",
        "Tcp",
        "10.60.1.0/24",
        "10.60.0.0/24",
        "443",
      ],
      deny,
    ]);
    expect(summary("apps")).toEqual([
      [
        "AllowApiFrontDoorHttps",
        100,
        "Allow",
        "Inbound",
        "Tcp",
        "10.60.2.0/24",
        "10.60.1.0/24",
        "443",
      ],
      [
        "AllowAzureLoadBalancer",
        200,
        "Allow",
        "Inbound",
        "Tcp",
        "AzureLoadBalancer",
        "10.60.1.0/24",
        "*",
      ],
      ["AllowWithinAppsSubnet", 300, "Allow", "Inbound", "*", "10.60.1.0/24", "10.60.1.0/24", "*"],
      deny,
    ]);
    expect(summary("api")).toEqual([deny]);
  });

  it("creates each private DNS zone globally and links it to the network without auto-registration", async () => {
    expect(
      byType(recorded, "azure-native:privatedns:PrivateZone").map((z) => [
        z.name,
        z.inputs.privateZoneName,
        z.inputs.location,
      ]),
    ).toEqual([
      ["network-openai-azure-com-zone", "privatelink.openai.azure.com", "global"],
      ["network-blob-core-windows-net-zone", "privatelink.blob.core.windows.net", "global"],
    ]);
    expect(
      byType(recorded, "azure-native:privatedns:VirtualNetworkLink").map((l) => l.inputs),
    ).toEqual(
      ["privatelink.openai.azure.com", "privatelink.blob.core.windows.net"].map((zone) => ({
        virtualNetworkLinkName: "mc-eu-network",
        privateZoneName: zone,
        resourceGroupName: group,
        location: "global",
        virtualNetwork: { id: "network-vnet-id" },
        registrationEnabled: false,
        tags,
      })),
    );
    expect(await valueOf(network.privateDnsZoneIds["privatelink.blob.core.windows.net"])).toBe(
      "network-blob-core-windows-net-zone-id",
    );
  });
});

describe("subnetPrefixes", () => {
  it.each([
    ["10.60.0.0/22", ["10.60.0.0/24", "10.60.1.0/24", "10.60.2.0/24"]],
    ["172.16.0.0/16", ["172.16.0.0/24", "172.16.1.0/24", "172.16.2.0/24"]],
    ["192.168.252.0/22", ["192.168.252.0/24", "192.168.253.0/24", "192.168.254.0/24"]],
  ])("splits %s into the first three /24 networks", (space, expected) => {
    expect(Object.values(mod.subnetPrefixes("t", space))).toEqual(expected);
  });

  it.each(["10.60.0.0/24", "10.60.1.0/22", "10.60.0.0/15", "10.60.0/22", "10.300.0.0/22"])(
    "refuses %s",
    (space) => {
      expect(() => mod.subnetPrefixes("NetworkFoundation n", space)).toThrow(
        `NetworkFoundation n: [addressSpace] must be an IPv4 network from /16 to /22 written with its first address, such as "10.60.0.0/22", received "${space}"`,
      );
    },
  );
});
