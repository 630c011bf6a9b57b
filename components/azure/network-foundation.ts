import * as pulumi from "@pulumi/pulumi";
import * as network from "@pulumi/azure-native/network";
import * as privatedns from "@pulumi/azure-native/privatedns";
import { physicalName } from "../shared/naming";

/** The subnets the foundation carves out of the address space, in order, one /24 each. */
export const subnetRoles = ["private-endpoints", "apps", "api"] as const;
export type SubnetRole = (typeof subnetRoles)[number];

/**
 * The first three /24 networks of `addressSpace` (a CIDR of /16 to /22 whose address is its first), one per subnet
 * role; throws with the value received otherwise.
 */
export function subnetPrefixes(where: string, addressSpace: string): Record<SubnetRole, string> {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(addressSpace);
  const octets = match ? match.slice(1, 5).map(Number) : [];
  const bits = match ? Number(match[5]) : -1;
  const base = octets.reduce((acc, o) => acc * 256 + o, 0);
  if (!match || octets.some((o) => o > 255) || bits < 16 || bits > 22 || base % 2 ** (32 - bits)) {
    throw new Error(
      `${where}: [addressSpace] must be an IPv4 network from /16 to /22 written with its first address, such as "10.60.0.0/22", received ${JSON.stringify(addressSpace)}`,
    );
  }
  const nth = (i: number) => {
    const n = base + i * 256;
    return `${[24, 16, 8, 0].map((s) => (n >>> s) & 255).join(".")}/24`;
  };
  return { "private-endpoints": nth(0), apps: nth(1), api: nth(2) };
}

/** What a subnet is delegated to: Container Apps environments need theirs, API Management v2 integration too. */
const delegations: Readonly<Record<SubnetRole, string | undefined>> = {
  "private-endpoints": undefined,
  apps: "Microsoft.App/environments",
  api: "Microsoft.Web/serverFarms",
};

type Rule = network.NetworkSecurityGroupArgs["securityRules"] extends
  pulumi.Input<pulumi.Input<infer R>[] | undefined> | undefined
  ? R
  : never;

/** The last rule of every group: nothing reaches a subnet unless a rule above allows it. */
const denyAllInbound = {
  name: "DenyAllInbound",
  description: "Deny every inbound flow the rules above do not allow",
  priority: 4096,
  direction: "Inbound",
  access: "Deny",
  protocol: "*",
  sourceAddressPrefix: "*",
  sourcePortRange: "*",
  destinationAddressPrefix: "*",
  destinationPortRange: "*",
} as const;

/** The inbound rules of each subnet's security group above the final deny. */
function inboundRules(prefixes: Record<SubnetRole, string>): Record<SubnetRole, Rule[]> {
  const allow = (
    name: string,
    description: string,
    priority: number,
    source: string,
    destination: string,
    port: string,
  ): Rule => ({
    name,
    description,
    priority,
    direction: "Inbound",
    access: "Allow",
    protocol: "Tcp",
    sourceAddressPrefix: source,
    sourcePortRange: "*",
    destinationAddressPrefix: destination,
    destinationPortRange: port,
  });
  return {
    "private-endpoints": [
      allow(
        "AllowAppsHttpsToEndpoints",
        "Hosted functions reach FHIR, OpenAI and storage over HTTPS",
        100,
        prefixes.apps,
        prefixes["private-endpoints"],
        "443",
      ),
    ],
    apps: [
      allow(
        "AllowApiFrontDoorHttps",
        "Only the API front door's subnet reaches the apps' ingress",
        100,
        prefixes.api,
        prefixes.apps,
        "443",
      ),
      allow(
        "AllowAzureLoadBalancer",
        "Health probes of the environment's internal load balancer",
        200,
        "AzureLoadBalancer",
        prefixes.apps,
        "*",
      ),
      {
        ...allow(
          "AllowWithinAppsSubnet",
          "The environment's ingress and replicas talk to each other inside the subnet",
          300,
          prefixes.apps,
          prefixes.apps,
          "*",
        ),
        protocol: "*",
      },
    ],
    api: [],
  };
}

export interface NetworkFoundationArgs {
  readonly resourceGroupName: pulumi.Input<string>;
  readonly location: pulumi.Input<string>;
  readonly namePrefix: string;
  /** Private IPv4 address space, /16 to /22; its first three /24 networks become the subnets. */
  readonly addressSpace: string;
  /**
   * Private DNS zones to create and link to the network, one per private endpoint kind the stack uses (for example
   * privatelink.openai.azure.com).
   * @default none
   */
  readonly privateDnsZones?: readonly string[];
  readonly tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

/**
 * The Azure network every private endpoint and hosted function lives in: a virtual network with three subnets
 * (private endpoints, app hosting delegated to Container Apps, the API front door's outbound integration delegated
 * to Microsoft.Web/serverFarms), none with default outbound internet access; a security group per subnet that ends
 * with a deny-all inbound rule and allows only HTTPS from the front door to the apps and from the apps to the
 * private endpoints (plus, in the apps subnet, load balancer probes and traffic within the subnet); and private DNS zones linked to the network (without auto-registration) so services resolve to
 * their private endpoints.
 */
export class NetworkFoundation extends pulumi.ComponentResource {
  public readonly vnetId: pulumi.Output<string>;
  public readonly vnetName: pulumi.Output<string>;
  public readonly subnetIds: Record<SubnetRole, pulumi.Output<string>>;
  /** The address prefix of each subnet. */
  public readonly subnetPrefixes: Record<SubnetRole, string>;
  /** Id of each private DNS zone, by zone name. */
  public readonly privateDnsZoneIds: Record<string, pulumi.Output<string>>;

  constructor(
    name: string,
    args: NetworkFoundationArgs,
    opts: pulumi.ComponentResourceOptions = {},
  ) {
    super("mediconnect:azure:NetworkFoundation", name, {}, opts);
    const prefixes = subnetPrefixes(`NetworkFoundation ${name}`, args.addressSpace);
    const zones = args.privateDnsZones ?? [];
    if (new Set(zones).size !== zones.length) {
      throw new Error(
        `NetworkFoundation ${name}: [privateDnsZones] must not repeat a zone, received ${JSON.stringify(zones)}`,
      );
    }

    const vnet = new network.VirtualNetwork(
      `${name}-vnet`,
      {
        virtualNetworkName: physicalName(args.namePrefix, name, 64),
        resourceGroupName: args.resourceGroupName,
        location: args.location,
        addressSpace: { addressPrefixes: [args.addressSpace] },
        tags: args.tags,
      },
      { parent: this, ignoreChanges: ["subnets"] },
    );

    const rules = inboundRules(prefixes);
    const subnetIds = {} as Record<SubnetRole, pulumi.Output<string>>;
    let previous: pulumi.Resource | undefined;
    for (const role of subnetRoles) {
      const nsg = new network.NetworkSecurityGroup(
        `${name}-${role}-nsg`,
        {
          networkSecurityGroupName: physicalName(args.namePrefix, `${name}-${role}`, 80),
          resourceGroupName: args.resourceGroupName,
          location: args.location,
          securityRules: [...rules[role], denyAllInbound],
          tags: args.tags,
        },
        { parent: this },
      );
      const delegation = delegations[role];
      // Subnets of one network are written one after another: Azure rejects concurrent subnet updates.
      const subnet: network.Subnet = new network.Subnet(
        `${name}-${role}`,
        {
          subnetName: role,
          resourceGroupName: args.resourceGroupName,
          virtualNetworkName: vnet.name,
          addressPrefix: prefixes[role],
          networkSecurityGroup: { id: nsg.id },
          defaultOutboundAccess: false,
          privateEndpointNetworkPolicies: "Enabled",
          ...(delegation ? { delegations: [{ name: role, serviceName: delegation }] } : {}),
        },
        { parent: this, ...(previous ? { dependsOn: [previous] } : {}) },
      );
      previous = subnet;
      subnetIds[role] = subnet.id;
    }

    const privateDnsZoneIds: Record<string, pulumi.Output<string>> = {};
    for (const zoneName of zones) {
      const slug = zoneName.replace(/^privatelink\./, "").replace(/[^a-z0-9]+/g, "-");
      const zone = new privatedns.PrivateZone(
        `${name}-${slug}-zone`,
        {
          privateZoneName: zoneName,
          resourceGroupName: args.resourceGroupName,
          location: "global",
          tags: args.tags,
        },
        { parent: this },
      );
      new privatedns.VirtualNetworkLink(
        `${name}-${slug}-link`,
        {
          virtualNetworkLinkName: physicalName(args.namePrefix, name, 80),
          privateZoneName: zone.name,
          resourceGroupName: args.resourceGroupName,
          location: "global",
          virtualNetwork: { id: vnet.id },
          registrationEnabled: false,
          tags: args.tags,
        },
        { parent: this },
      );
      privateDnsZoneIds[zoneName] = zone.id;
    }

    this.vnetId = vnet.id;
    this.vnetName = vnet.name;
    this.subnetIds = subnetIds;
    this.subnetPrefixes = prefixes;
    this.privateDnsZoneIds = privateDnsZoneIds;
    this.registerOutputs({
      vnetId: this.vnetId,
      vnetName: this.vnetName,
      subnetIds: this.subnetIds,
      subnetPrefixes: this.subnetPrefixes,
      privateDnsZoneIds: this.privateDnsZoneIds,
    });
  }
}
