import * as pulumi from "@pulumi/pulumi";
import * as gcp from "@pulumi/gcp";
import { physicalName } from "../shared/naming";
import { wholeNumber } from "../shared/validate";

/** Roles of the node service account: what nodes need to write logs and metrics and pull images, nothing more. */
export const nodeServiceAccountRoles = [
  "roles/container.defaultNodeServiceAccount",
  "roles/artifactregistry.reader",
] as const;

export interface MaintenanceWindow {
  /** RFC 3339 start of the first window; only its time of day and duration matter for a recurring window. */
  readonly startTime: string;
  readonly endTime: string;
  /** RFC 5545 recurrence, for example `FREQ=WEEKLY;BYDAY=SA,SU`. */
  readonly recurrence: string;
}

export interface GkeClusterArgs {
  /** Prefix of every physical name. */
  readonly namePrefix: string;
  /** Project id: the workload identity pool is `<project>.svc.id.goog`. */
  readonly projectId: string;
  /** Region of the (regional) cluster. */
  readonly region: string;
  readonly networkId: pulumi.Input<string>;
  readonly subnetworkId: pulumi.Input<string>;
  readonly podsRangeName: pulumi.Input<string>;
  readonly servicesRangeName: pulumi.Input<string>;
  /** Cloud KMS key for application-layer encryption of Kubernetes Secrets (in the cluster's region). */
  readonly secretsKeyId: pulumi.Input<string>;
  /** Cloud KMS key for node boot disks (in the cluster's region). */
  readonly bootDiskKeyId: pulumi.Input<string>;
  /**
   * CIDR ranges allowed to reach a public control-plane endpoint.
   * @default [] (the endpoint is private: reachable only from inside the VPC)
   */
  readonly masterAuthorizedNetworks?: readonly string[];
  /**
   * The /28 range of the control plane's private endpoint.
   * @default "172.16.0.32/28"
   */
  readonly masterCidr?: string;
  /**
   * Node machine type.
   * @default "e2-standard-4"
   */
  readonly machineType?: string;
  /**
   * Autoscaling bounds of the node pool, per zone.
   * @default { min: 1, max: 3 }
   */
  readonly nodesPerZone?: { readonly min: number; readonly max: number };
  /**
   * GKE release channel.
   * @default "REGULAR"
   */
  readonly releaseChannel?: "RAPID" | "REGULAR" | "STABLE";
  /**
   * When GKE may upgrade the control plane and nodes.
   * @default Saturdays and Sundays, 02:00 to 08:00 UTC
   */
  readonly maintenanceWindow?: MaintenanceWindow;
}

/**
 * A regional, private GKE cluster: private nodes and (unless authorized networks are given) a private endpoint,
 * Kubernetes Secrets encrypted with a customer-managed key, Shielded Nodes, Dataplane V2 (network policy
 * enforcement), Workload Identity, Binary Authorization enforcing the project policy, no client certificate, no
 * legacy ABAC, system and workload logging and monitoring, a release channel and a maintenance window, and
 * deletion protection. The default node pool is removed; the one node pool runs as a dedicated service account with
 * only the node roles, on CMEK boot disks with secure boot, the GKE metadata server, auto-repair and auto-upgrade.
 */
export class GkeCluster extends pulumi.ComponentResource {
  public readonly clusterId: pulumi.Output<string>;
  public readonly clusterName: pulumi.Output<string>;
  /** The control plane's endpoint (a private address when the endpoint is private). */
  public readonly endpoint: pulumi.Output<string>;
  public readonly caCertificate: pulumi.Output<string>;
  public readonly workloadPool: pulumi.Output<string>;
  public readonly nodeServiceAccountEmail: pulumi.Output<string>;
  /** A kubeconfig that authenticates through gke-gcloud-auth-plugin (no static credentials); secret. */
  public readonly kubeconfig: pulumi.Output<string>;

  constructor(name: string, args: GkeClusterArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super("mediconnect:gcp:GkeCluster", name, {}, opts);
    const where = `GkeCluster ${name}`;
    const authorized = [...(args.masterAuthorizedNetworks ?? [])];
    const open = authorized.filter((c) => c.endsWith("/0"));
    if (open.length > 0) {
      throw new Error(
        `${where}: [masterAuthorizedNetworks] must not contain ${open.join(", ")}; list your own networks only`,
      );
    }
    const nodes = args.nodesPerZone ?? { min: 1, max: 3 };
    wholeNumber(where, "nodesPerZone.min", nodes.min, 1);
    wholeNumber(where, "nodesPerZone.max", nodes.max, nodes.min, 1000);
    const window = args.maintenanceWindow ?? {
      startTime: "2025-01-04T02:00:00Z",
      endTime: "2025-01-04T08:00:00Z",
      recurrence: "FREQ=WEEKLY;BYDAY=SA,SU",
    };
    const workloadPool = `${args.projectId}.svc.id.goog`;

    const nodeAccount = new gcp.serviceaccount.Account(
      `${name}-nodes`,
      {
        accountId: physicalName(args.namePrefix, `${name}-nodes`, 30),
        displayName: `GKE nodes of ${name} (logging, monitoring, image pulls only)`,
      },
      { parent: this },
    );
    const grants = nodeServiceAccountRoles.map(
      (role) =>
        new gcp.projects.IAMMember(
          `${name}-nodes-${role.split("/")[1]}`,
          { project: args.projectId, role, member: nodeAccount.member },
          { parent: this },
        ),
    );

    const nodeSecurity = {
      serviceAccount: nodeAccount.email,
      oauthScopes: ["https://www.googleapis.com/auth/cloud-platform"],
      bootDiskKmsKey: args.bootDiskKeyId,
      shieldedInstanceConfig: { enableSecureBoot: true, enableIntegrityMonitoring: true },
      workloadMetadataConfig: { mode: "GKE_METADATA" },
      metadata: { "disable-legacy-endpoints": "true" },
    };
    const cluster = new gcp.container.Cluster(
      `${name}-cluster`,
      {
        name: physicalName(args.namePrefix, name, 40),
        location: args.region,
        network: args.networkId,
        subnetwork: args.subnetworkId,
        networkingMode: "VPC_NATIVE",
        ipAllocationPolicy: {
          clusterSecondaryRangeName: args.podsRangeName,
          servicesSecondaryRangeName: args.servicesRangeName,
        },
        // The default pool exists only while the cluster is created; it gets the same node hardening meanwhile.
        removeDefaultNodePool: true,
        initialNodeCount: 1,
        nodeConfig: nodeSecurity,
        privateClusterConfig: {
          enablePrivateNodes: true,
          enablePrivateEndpoint: authorized.length === 0,
          masterIpv4CidrBlock: args.masterCidr ?? "172.16.0.32/28",
          masterGlobalAccessConfig: { enabled: false },
        },
        masterAuthorizedNetworksConfig: {
          cidrBlocks: authorized.map((cidrBlock) => ({ cidrBlock, displayName: cidrBlock })),
          gcpPublicCidrsAccessEnabled: false,
        },
        masterAuth: { clientCertificateConfig: { issueClientCertificate: false } },
        enableLegacyAbac: false,
        enableShieldedNodes: true,
        datapathProvider: "ADVANCED_DATAPATH",
        binaryAuthorization: { evaluationMode: "PROJECT_SINGLETON_POLICY_ENFORCE" },
        workloadIdentityConfig: { workloadPool },
        databaseEncryption: { state: "ENCRYPTED", keyName: args.secretsKeyId },
        releaseChannel: { channel: args.releaseChannel ?? "REGULAR" },
        maintenancePolicy: { recurringWindow: window },
        loggingConfig: {
          enableComponents: [
            "SYSTEM_COMPONENTS",
            "WORKLOADS",
            "APISERVER",
            "CONTROLLER_MANAGER",
            "SCHEDULER",
          ],
        },
        monitoringConfig: {
          enableComponents: ["SYSTEM_COMPONENTS", "APISERVER", "CONTROLLER_MANAGER", "SCHEDULER"],
          managedPrometheus: { enabled: true },
        },
        securityPostureConfig: { mode: "BASIC", vulnerabilityMode: "VULNERABILITY_BASIC" },
        deletionProtection: true,
      },
      { parent: this, dependsOn: grants },
    );

    new gcp.container.NodePool(
      `${name}-pool`,
      {
        name: physicalName(args.namePrefix, `${name}-pool`, 40),
        cluster: cluster.id,
        location: args.region,
        initialNodeCount: nodes.min,
        autoscaling: { minNodeCount: nodes.min, maxNodeCount: nodes.max },
        management: { autoRepair: true, autoUpgrade: true },
        upgradeSettings: { strategy: "SURGE", maxSurge: 1, maxUnavailable: 0 },
        nodeConfig: {
          ...nodeSecurity,
          machineType: args.machineType ?? "e2-standard-4",
          imageType: "COS_CONTAINERD",
          diskType: "pd-balanced",
          diskSizeGb: 100,
        },
      },
      { parent: this },
    );

    this.clusterId = cluster.id;
    this.clusterName = cluster.name;
    this.endpoint = cluster.endpoint;
    this.caCertificate = cluster.masterAuth.apply((auth) => auth.clusterCaCertificate ?? "");
    // Read back from the cluster: the pool exists only once the cluster does, and bindings to it must wait.
    this.workloadPool = cluster.workloadIdentityConfig.apply(
      (c) => c?.workloadPool ?? workloadPool,
    );
    this.nodeServiceAccountEmail = nodeAccount.email;
    this.kubeconfig = pulumi.secret(
      pulumi
        .all([cluster.name, cluster.endpoint, this.caCertificate])
        .apply(([clusterName, endpoint, ca]) => kubeconfigFor(clusterName, endpoint, ca)),
    );
    this.registerOutputs({
      clusterId: this.clusterId,
      clusterName: this.clusterName,
      endpoint: this.endpoint,
      caCertificate: this.caCertificate,
      workloadPool: this.workloadPool,
      nodeServiceAccountEmail: this.nodeServiceAccountEmail,
      kubeconfig: this.kubeconfig,
    });
  }
}

/** A kubeconfig for one GKE cluster that gets short-lived tokens from gke-gcloud-auth-plugin. */
export function kubeconfigFor(
  clusterName: string,
  endpoint: string,
  caCertificate: string,
): string {
  return JSON.stringify({
    apiVersion: "v1",
    kind: "Config",
    clusters: [
      {
        name: clusterName,
        cluster: { server: `https://${endpoint}`, "certificate-authority-data": caCertificate },
      },
    ],
    contexts: [{ name: clusterName, context: { cluster: clusterName, user: clusterName } }],
    "current-context": clusterName,
    users: [
      {
        name: clusterName,
        user: {
          exec: {
            apiVersion: "client.authentication.k8s.io/v1beta1",
            command: "gke-gcloud-auth-plugin",
            provideClusterInfo: true,
            installHint:
              "Install gke-gcloud-auth-plugin: gcloud components install gke-gcloud-auth-plugin",
          },
        },
      },
    ],
  });
}
