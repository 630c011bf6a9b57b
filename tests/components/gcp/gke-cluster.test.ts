import {
  Recorded,
  byType,
  installMocks,
  keyId,
  one,
  project,
  settle,
  valueOf,
} from "../../helpers/mocks";

let recorded: Recorded[];
let gke: typeof import("../../../components/gcp/gke-cluster");
let wi: typeof import("../../../components/gcp/workload-identity");
let privateCluster: import("../../../components/gcp/gke-cluster").GkeCluster;

const base = {
  namePrefix: "mc-eu",
  projectId: project,
  region: "europe-west3",
  networkId: `projects/${project}/global/networks/mc-eu-network`,
  subnetworkId: `projects/${project}/regions/europe-west3/subnetworks/mc-eu-network-nodes`,
  podsRangeName: "pods",
  servicesRangeName: "services",
  secretsKeyId: keyId("europe-west3", "gke-secrets"),
  bootDiskKeyId: keyId("europe-west3", "gke-disks"),
};
const nodeEmail = `mc-eu-gke-nodes@${project}.iam.gserviceaccount.com`;

beforeAll(async () => {
  recorded = await installMocks();
  gke = await import("../../../components/gcp/gke-cluster");
  wi = await import("../../../components/gcp/workload-identity");
  privateCluster = new gke.GkeCluster("gke", base);
  const open = new gke.GkeCluster("ops", {
    ...base,
    masterAuthorizedNetworks: ["203.0.113.0/24"],
    machineType: "n2-standard-4",
  });
  const identity = new wi.WorkloadIdentity("risk-inference", {
    namePrefix: "mc-eu",
    workloadPool: `${project}.svc.id.goog`,
    namespace: "risk-inference",
    kubernetesServiceAccount: "risk-inference",
    purpose: "Risk inference",
  });
  await Promise.all([
    valueOf(privateCluster.kubeconfig),
    valueOf(open.clusterId),
    valueOf(identity.member),
  ]);
  await settle();
});

describe("GkeCluster", () => {
  it("builds a private, hardened regional cluster", () => {
    const { inputs } = one(recorded, "gcp:container/cluster:Cluster", "gke-cluster");
    expect(inputs).toEqual({
      name: "mc-eu-gke",
      location: "europe-west3",
      network: base.networkId,
      subnetwork: base.subnetworkId,
      networkingMode: "VPC_NATIVE",
      ipAllocationPolicy: {
        clusterSecondaryRangeName: "pods",
        servicesSecondaryRangeName: "services",
      },
      removeDefaultNodePool: true,
      initialNodeCount: 1,
      nodeConfig: {
        serviceAccount: nodeEmail,
        oauthScopes: ["https://www.googleapis.com/auth/cloud-platform"],
        bootDiskKmsKey: base.bootDiskKeyId,
        shieldedInstanceConfig: { enableSecureBoot: true, enableIntegrityMonitoring: true },
        workloadMetadataConfig: { mode: "GKE_METADATA" },
        metadata: { "disable-legacy-endpoints": "true" },
      },
      privateClusterConfig: {
        enablePrivateNodes: true,
        enablePrivateEndpoint: true,
        masterIpv4CidrBlock: "172.16.0.32/28",
        masterGlobalAccessConfig: { enabled: false },
      },
      masterAuthorizedNetworksConfig: { cidrBlocks: [], gcpPublicCidrsAccessEnabled: false },
      masterAuth: { clientCertificateConfig: { issueClientCertificate: false } },
      enableLegacyAbac: false,
      enableShieldedNodes: true,
      datapathProvider: "ADVANCED_DATAPATH",
      binaryAuthorization: { evaluationMode: "PROJECT_SINGLETON_POLICY_ENFORCE" },
      workloadIdentityConfig: { workloadPool: `${project}.svc.id.goog` },
      databaseEncryption: { state: "ENCRYPTED", keyName: base.secretsKeyId },
      releaseChannel: { channel: "REGULAR" },
      maintenancePolicy: {
        recurringWindow: {
          startTime: "2025-01-04T02:00:00Z",
          endTime: "2025-01-04T08:00:00Z",
          recurrence: "FREQ=WEEKLY;BYDAY=SA,SU",
        },
      },
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
    });
  });

  it("opens a public endpoint only to the authorized networks given", () => {
    const { inputs } = one(recorded, "gcp:container/cluster:Cluster", "ops-cluster");
    expect([inputs.privateClusterConfig, inputs.masterAuthorizedNetworksConfig]).toEqual([
      {
        enablePrivateNodes: true,
        enablePrivateEndpoint: false,
        masterIpv4CidrBlock: "172.16.0.32/28",
        masterGlobalAccessConfig: { enabled: false },
      },
      {
        cidrBlocks: [{ cidrBlock: "203.0.113.0/24", displayName: "203.0.113.0/24" }],
        gcpPublicCidrsAccessEnabled: false,
      },
    ]);
  });

  it("runs one autoscaled, auto-repaired node pool on CMEK boot disks as a dedicated service account", () => {
    expect(one(recorded, "gcp:container/nodePool:NodePool", "gke-pool").inputs).toEqual({
      name: "mc-eu-gke-pool",
      cluster: `projects/${project}/locations/europe-west3/clusters/mc-eu-gke`,
      location: "europe-west3",
      initialNodeCount: 1,
      autoscaling: { minNodeCount: 1, maxNodeCount: 3 },
      management: { autoRepair: true, autoUpgrade: true },
      upgradeSettings: { strategy: "SURGE", maxSurge: 1, maxUnavailable: 0 },
      nodeConfig: {
        serviceAccount: nodeEmail,
        oauthScopes: ["https://www.googleapis.com/auth/cloud-platform"],
        bootDiskKmsKey: base.bootDiskKeyId,
        shieldedInstanceConfig: { enableSecureBoot: true, enableIntegrityMonitoring: true },
        workloadMetadataConfig: { mode: "GKE_METADATA" },
        metadata: { "disable-legacy-endpoints": "true" },
        machineType: "e2-standard-4",
        imageType: "COS_CONTAINERD",
        diskType: "pd-balanced",
        diskSizeGb: 100,
      },
    });
    expect(
      one(recorded, "gcp:container/nodePool:NodePool", "ops-pool").inputs.nodeConfig.machineType,
    ).toBe("n2-standard-4");
  });

  it("grants the node service account the node roles and nothing else", () => {
    expect(
      byType(recorded, "gcp:projects/iAMMember:IAMMember")
        .filter((m) => m.name.startsWith("gke-"))
        .map((m) => m.inputs)
        .sort((a, b) => (a.role < b.role ? -1 : 1)),
    ).toEqual([
      { project, role: "roles/artifactregistry.reader", member: `serviceAccount:${nodeEmail}` },
      {
        project,
        role: "roles/container.defaultNodeServiceAccount",
        member: `serviceAccount:${nodeEmail}`,
      },
    ]);
  });

  it("reads the workload identity pool back from the cluster", async () => {
    expect(await valueOf(privateCluster.workloadPool)).toBe(`${project}.svc.id.goog`);
  });

  it("hands out a kubeconfig that authenticates through gke-gcloud-auth-plugin", async () => {
    const config = JSON.parse(await valueOf(privateCluster.kubeconfig));
    expect(config.clusters).toEqual([
      {
        name: "mc-eu-gke",
        cluster: { server: "https://172.16.0.34", "certificate-authority-data": "Q0EtREFUQQ==" },
      },
    ]);
    expect(config.users[0].user.exec.command).toBe("gke-gcloud-auth-plugin");
    expect(JSON.stringify(config.users)).not.toMatch(/token|password|client-key/i);
  });

  it.each([
    [
      { masterAuthorizedNetworks: ["0.0.0.0/0"] },
      "GkeCluster bad: [masterAuthorizedNetworks] must not contain 0.0.0.0/0; list your own networks only",
    ],
    [
      { nodesPerZone: { min: 3, max: 2 } },
      "GkeCluster bad: [nodesPerZone.max] must be a whole number from 3 to 1000, received 2",
    ],
  ])("rejects %j", (extra, message) => {
    expect(() => new gke.GkeCluster("bad", { ...base, ...extra })).toThrow(message);
  });
});

describe("WorkloadIdentity", () => {
  it("creates a role-less service account only the named Kubernetes service account can impersonate", () => {
    expect(
      one(recorded, "gcp:serviceaccount/account:Account", "risk-inference-account").inputs,
    ).toEqual({
      accountId: "mc-eu-risk-inference",
      displayName: "Risk inference",
      description: "Workload identity of risk-inference/risk-inference",
    });
    expect(
      one(recorded, "gcp:serviceaccount/iAMMember:IAMMember", "risk-inference-workload-identity")
        .inputs,
    ).toEqual({
      serviceAccountId: `projects/${project}/serviceAccounts/mc-eu-risk-inference@${project}.iam.gserviceaccount.com`,
      role: "roles/iam.workloadIdentityUser",
      member: `serviceAccount:${project}.svc.id.goog[risk-inference/risk-inference]`,
    });
    expect(byType(recorded, "gcp:projects/iAMMember:IAMMember").map((m) => m.name)).not.toContain(
      expect.stringMatching(/^risk-inference/),
    );
  });

  it("rejects a namespace that is not a Kubernetes name", () => {
    expect(
      () =>
        new wi.WorkloadIdentity("bad", {
          namePrefix: "mc",
          workloadPool: "p.svc.id.goog",
          namespace: "Risk_Inference",
          kubernetesServiceAccount: "sa",
          purpose: "x",
        }),
    ).toThrow(
      'WorkloadIdentity bad: [namespace] must be a Kubernetes name (lowercase letters, digits and hyphens, at most 63), received "Risk_Inference"',
    );
  });
});
