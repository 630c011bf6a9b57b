import * as pulumi from "@pulumi/pulumi";
import * as gcp from "@pulumi/gcp";
import { physicalName } from "../shared/naming";

/** Google's documented range for private.googleapis.com: Google APIs reached without internet addresses. */
export const privateGoogleApisCidr = "199.36.153.8/30";
const privateGoogleApisAddresses = [
  "199.36.153.8",
  "199.36.153.9",
  "199.36.153.10",
  "199.36.153.11",
];

export interface PrivateNetworkArgs {
  /** Prefix of every physical name. */
  readonly namePrefix: string;
  /** Region of the subnetwork, the router and Cloud NAT. */
  readonly region: pulumi.Input<string>;
  /**
   * Primary range of the node subnetwork.
   * @default "10.60.0.0/20"
   */
  readonly subnetCidr?: string;
  /**
   * Secondary range for pod IPs (VPC-native GKE).
   * @default "10.64.0.0/14"
   */
  readonly podsCidr?: string;
  /**
   * Secondary range for Service cluster IPs.
   * @default "10.68.0.0/20"
   */
  readonly servicesCidr?: string;
  /**
   * Share of flows VPC flow logs sample, above 0 and at most 1.
   * @default 0.5
   */
  readonly flowSampling?: number;
}

/**
 * A custom-mode VPC for private workloads: one subnetwork with Private Google Access, flow logs and secondary
 * ranges for pods and services; Cloud NAT as the only way out to the internet (nodes have no external IPs); a
 * private DNS zone that resolves *.googleapis.com to private.googleapis.com (199.36.153.8/30) so Google API traffic
 * uses a fixed range that network policies can name; an explicit, logged deny of SSH and RDP from anywhere at high
 * priority and a logged deny of all other ingress at the lowest priority, so only narrower allow rules (GKE adds
 * its own for the control plane) let traffic in.
 */
export class PrivateNetwork extends pulumi.ComponentResource {
  public readonly networkId: pulumi.Output<string>;
  public readonly networkName: pulumi.Output<string>;
  public readonly subnetworkId: pulumi.Output<string>;
  public readonly subnetworkName: pulumi.Output<string>;
  /** Names of the subnetwork's secondary ranges, as GKE's ipAllocationPolicy takes them. */
  public readonly podsRangeName: pulumi.Output<string>;
  public readonly servicesRangeName: pulumi.Output<string>;

  constructor(name: string, args: PrivateNetworkArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super("mediconnect:gcp:PrivateNetwork", name, {}, opts);
    const flowSampling = args.flowSampling ?? 0.5;
    if (!(flowSampling > 0 && flowSampling <= 1)) {
      throw new Error(
        `PrivateNetwork ${name}: [flowSampling] must be above 0 and at most 1, received ${flowSampling}`,
      );
    }
    const nameOf = (suffix: string) => physicalName(args.namePrefix, `${name}-${suffix}`, 63);

    const network = new gcp.compute.Network(
      `${name}-vpc`,
      {
        name: physicalName(args.namePrefix, name, 63),
        description: "Private workloads: custom subnetworks only, egress through Cloud NAT",
        autoCreateSubnetworks: false,
        routingMode: "REGIONAL",
      },
      { parent: this },
    );
    const pods = "pods";
    const services = "services";
    const subnet = new gcp.compute.Subnetwork(
      `${name}-nodes`,
      {
        name: nameOf("nodes"),
        network: network.id,
        region: args.region,
        purpose: "PRIVATE",
        stackType: "IPV4_ONLY",
        ipCidrRange: args.subnetCidr ?? "10.60.0.0/20",
        privateIpGoogleAccess: true,
        secondaryIpRanges: [
          { rangeName: pods, ipCidrRange: args.podsCidr ?? "10.64.0.0/14" },
          { rangeName: services, ipCidrRange: args.servicesCidr ?? "10.68.0.0/20" },
        ],
        logConfig: {
          aggregationInterval: "INTERVAL_5_SEC",
          flowSampling,
          metadata: "INCLUDE_ALL_METADATA",
        },
      },
      { parent: this },
    );

    const router = new gcp.compute.Router(
      `${name}-router`,
      { name: nameOf("router"), network: network.id, region: args.region },
      { parent: this },
    );
    new gcp.compute.RouterNat(
      `${name}-nat`,
      {
        name: nameOf("nat"),
        router: router.name,
        region: args.region,
        natIpAllocateOption: "AUTO_ONLY",
        sourceSubnetworkIpRangesToNat: "LIST_OF_SUBNETWORKS",
        subnetworks: [{ name: subnet.id, sourceIpRangesToNats: ["ALL_IP_RANGES"] }],
        logConfig: { enable: true, filter: "ERRORS_ONLY" },
      },
      { parent: this },
    );

    new gcp.compute.Firewall(
      `${name}-deny-admin-ingress`,
      {
        name: nameOf("deny-admin-ingress"),
        network: network.id,
        description: "No SSH or RDP from anywhere, whatever later rules allow",
        direction: "INGRESS",
        priority: 100,
        sourceRanges: ["0.0.0.0/0"],
        denies: [{ protocol: "tcp", ports: ["22", "3389"] }],
        logConfig: { metadata: "INCLUDE_ALL_METADATA" },
      },
      { parent: this },
    );
    new gcp.compute.Firewall(
      `${name}-deny-all-ingress`,
      {
        name: nameOf("deny-all-ingress"),
        network: network.id,
        description: "Deny and log every ingress that no narrower rule allows",
        direction: "INGRESS",
        priority: 65534,
        sourceRanges: ["0.0.0.0/0"],
        denies: [{ protocol: "all" }],
        logConfig: { metadata: "INCLUDE_ALL_METADATA" },
      },
      { parent: this },
    );

    new gcp.compute.Route(
      `${name}-private-google-apis`,
      {
        name: nameOf("private-google-apis"),
        network: network.id,
        description: "private.googleapis.com, reached through Private Google Access",
        destRange: privateGoogleApisCidr,
        nextHopGateway: "default-internet-gateway",
        priority: 1000,
      },
      { parent: this },
    );
    const zone = new gcp.dns.ManagedZone(
      `${name}-googleapis`,
      {
        name: nameOf("googleapis"),
        dnsName: "googleapis.com.",
        description: "Resolves Google APIs to private.googleapis.com inside the VPC",
        visibility: "private",
        privateVisibilityConfig: { networks: [{ networkUrl: network.id }] },
      },
      { parent: this },
    );
    new gcp.dns.RecordSet(
      `${name}-googleapis-private`,
      {
        managedZone: zone.name,
        name: "private.googleapis.com.",
        type: "A",
        ttl: 300,
        rrdatas: privateGoogleApisAddresses,
      },
      { parent: this },
    );
    new gcp.dns.RecordSet(
      `${name}-googleapis-wildcard`,
      {
        managedZone: zone.name,
        name: "*.googleapis.com.",
        type: "CNAME",
        ttl: 300,
        rrdatas: ["private.googleapis.com."],
      },
      { parent: this },
    );

    this.networkId = network.id;
    this.networkName = network.name;
    this.subnetworkId = subnet.id;
    this.subnetworkName = subnet.name;
    this.podsRangeName = pulumi.output(pods);
    this.servicesRangeName = pulumi.output(services);
    this.registerOutputs({
      networkId: this.networkId,
      networkName: this.networkName,
      subnetworkId: this.subnetworkId,
      subnetworkName: this.subnetworkName,
      podsRangeName: this.podsRangeName,
      servicesRangeName: this.servicesRangeName,
    });
  }
}
