import * as pulumi from "@pulumi/pulumi";
import * as network from "@pulumi/azure-native/network";
import { physicalName } from "../shared/naming";

export interface PrivateLinkArgs {
  readonly resourceGroupName: pulumi.Input<string>;
  /** Location of the endpoint: the virtual network's, which may differ from the target's. */
  readonly location: pulumi.Input<string>;
  readonly namePrefix: string;
  /** The resource the endpoint connects to. */
  readonly targetId: pulumi.Input<string>;
  /** The target's sub-resource, for example "account", "blob" or "healthcareworkspace". */
  readonly groupId: string;
  /** The subnet that receives the endpoint's network interface. */
  readonly subnetId: pulumi.Input<string>;
  /** Private DNS zones (ids) that receive the endpoint's A records; at least one. */
  readonly privateDnsZoneIds: readonly pulumi.Input<string>[];
  readonly tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

/**
 * A private endpoint to one sub-resource of one service, with its DNS zone group: the service's public name then
 * resolves, inside the linked network, to the endpoint's private address.
 */
export class PrivateLink extends pulumi.ComponentResource {
  public readonly endpointId: pulumi.Output<string>;

  constructor(name: string, args: PrivateLinkArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super("mediconnect:azure:PrivateLink", name, {}, opts);
    if (!/^[a-zA-Z]+$/.test(args.groupId)) {
      throw new Error(
        `PrivateLink ${name}: [groupId] must be a private link sub-resource name such as "account" or "blob", received ${JSON.stringify(args.groupId)}`,
      );
    }
    if (args.privateDnsZoneIds.length === 0) {
      throw new Error(
        `PrivateLink ${name}: [privateDnsZoneIds] must list at least one private DNS zone, received none (the service would keep resolving to its public address)`,
      );
    }
    const endpointName = physicalName(args.namePrefix, `${name}-pe`, 80);
    const endpoint = new network.PrivateEndpoint(
      `${name}-pe`,
      {
        privateEndpointName: endpointName,
        resourceGroupName: args.resourceGroupName,
        location: args.location,
        subnet: { id: args.subnetId },
        privateLinkServiceConnections: [
          { name: endpointName, privateLinkServiceId: args.targetId, groupIds: [args.groupId] },
        ],
        tags: args.tags,
      },
      { parent: this },
    );
    new network.PrivateDnsZoneGroup(
      `${name}-dns`,
      {
        privateDnsZoneGroupName: "default",
        privateEndpointName: endpoint.name,
        resourceGroupName: args.resourceGroupName,
        privateDnsZoneConfigs: args.privateDnsZoneIds.map((id, i) => ({
          name: `zone-${i}`,
          privateDnsZoneId: id,
        })),
      },
      { parent: this },
    );
    this.endpointId = endpoint.id;
    this.registerOutputs({ endpointId: this.endpointId });
  }
}
