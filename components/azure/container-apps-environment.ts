import * as pulumi from "@pulumi/pulumi";
import * as app from "@pulumi/azure-native/app";
import * as monitor from "@pulumi/azure-native/monitor";
import * as privatedns from "@pulumi/azure-native/privatedns";
import { physicalName } from "../shared/naming";

export interface ContainerAppsEnvironmentArgs {
  readonly resourceGroupName: pulumi.Input<string>;
  readonly location: pulumi.Input<string>;
  readonly namePrefix: string;
  /** The subnet delegated to Microsoft.App/environments that hosts the environment (/27 or larger). */
  readonly subnetId: pulumi.Input<string>;
  /** The virtual network the environment's private DNS zone is linked to. */
  readonly vnetId: pulumi.Input<string>;
  /** The Log Analytics workspace that receives the apps' console and system logs. */
  readonly auditWorkspaceId: pulumi.Input<string>;
  readonly tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

/**
 * A Container Apps environment with no public address: internal (its load balancer takes an address of its own
 * subnet), public network access disabled, traffic between apps encrypted, on the Consumption workload profile;
 * logs go to Azure Monitor and from there, through a diagnostic setting, to the audit workspace (no workspace
 * shared key is handed to the environment); a private DNS zone for the environment's domain, linked to the network,
 * resolves every app to the internal load balancer.
 */
export class ContainerAppsEnvironment extends pulumi.ComponentResource {
  public readonly environmentId: pulumi.Output<string>;
  public readonly defaultDomain: pulumi.Output<string>;
  public readonly staticIp: pulumi.Output<string>;

  constructor(
    name: string,
    args: ContainerAppsEnvironmentArgs,
    opts: pulumi.ComponentResourceOptions = {},
  ) {
    super("mediconnect:azure:ContainerAppsEnvironment", name, {}, opts);
    const environmentName = physicalName(args.namePrefix, name, 60);
    const environment = new app.ManagedEnvironment(
      `${name}-environment`,
      {
        environmentName,
        resourceGroupName: args.resourceGroupName,
        location: args.location,
        vnetConfiguration: { infrastructureSubnetId: args.subnetId, internal: true },
        publicNetworkAccess: "Disabled",
        workloadProfiles: [{ name: "Consumption", workloadProfileType: "Consumption" }],
        peerTrafficConfiguration: { encryption: { enabled: true } },
        appLogsConfiguration: { destination: "azure-monitor" },
        zoneRedundant: false,
        tags: args.tags,
      },
      { parent: this },
    );
    new monitor.DiagnosticSetting(
      `${name}-diagnostics`,
      {
        name: `${environmentName}-logs`,
        resourceUri: environment.id,
        workspaceId: args.auditWorkspaceId,
        logAnalyticsDestinationType: "Dedicated",
        logs: [{ categoryGroup: "allLogs", enabled: true }],
        metrics: [{ category: "AllMetrics", enabled: true }],
      },
      { parent: this },
    );
    const zone = new privatedns.PrivateZone(
      `${name}-zone`,
      {
        privateZoneName: environment.defaultDomain,
        resourceGroupName: args.resourceGroupName,
        location: "global",
        tags: args.tags,
      },
      { parent: this },
    );
    new privatedns.VirtualNetworkLink(
      `${name}-zone-link`,
      {
        virtualNetworkLinkName: environmentName,
        privateZoneName: zone.name,
        resourceGroupName: args.resourceGroupName,
        location: "global",
        virtualNetwork: { id: args.vnetId },
        registrationEnabled: false,
        tags: args.tags,
      },
      { parent: this },
    );
    new privatedns.PrivateRecordSet(
      `${name}-apps-record`,
      {
        privateZoneName: zone.name,
        resourceGroupName: args.resourceGroupName,
        relativeRecordSetName: "*",
        recordType: "A",
        ttl: 300,
        aRecords: [{ ipv4Address: environment.staticIp }],
      },
      { parent: this },
    );

    this.environmentId = environment.id;
    this.defaultDomain = environment.defaultDomain;
    this.staticIp = environment.staticIp;
    this.registerOutputs({
      environmentId: this.environmentId,
      defaultDomain: this.defaultDomain,
      staticIp: this.staticIp,
    });
  }
}
