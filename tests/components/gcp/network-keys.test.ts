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
let networkModule: typeof import("../../../components/gcp/private-network");
let keysModule: typeof import("../../../components/gcp/service-keys");
let keys: import("../../../components/gcp/service-keys").ServiceKeys;

beforeAll(async () => {
  recorded = await installMocks();
  networkModule = await import("../../../components/gcp/private-network");
  keysModule = await import("../../../components/gcp/service-keys");
  const network = new networkModule.PrivateNetwork("network", {
    namePrefix: "mc-eu",
    region: "europe-west3",
  });
  keys = new keysModule.ServiceKeys("cmek", {
    namePrefix: "mc-eu",
    keys: {
      bigquery: {
        location: "europe",
        encrypters: ["serviceAccount:bq-1@bigquery-encryption.iam.gserviceaccount.com"],
      },
      "spanner-europe-west1": {
        location: "europe-west1",
        encrypters: ["serviceAccount:service-1@gcp-sa-spanner.iam.gserviceaccount.com"],
      },
    },
  });
  await Promise.all([valueOf(network.subnetworkId), valueOf(keys.keyId("bigquery"))]);
  await settle();
});

describe("PrivateNetwork", () => {
  it("is a custom-mode VPC with one private subnetwork: flow logs, Private Google Access, pod and service ranges", () => {
    expect(one(recorded, "gcp:compute/network:Network", "network-vpc").inputs).toEqual({
      name: "mc-eu-network",
      description: "Private workloads: custom subnetworks only, egress through Cloud NAT",
      autoCreateSubnetworks: false,
      routingMode: "REGIONAL",
    });
    expect(one(recorded, "gcp:compute/subnetwork:Subnetwork", "network-nodes").inputs).toEqual({
      name: "mc-eu-network-nodes",
      network: `projects/${project}/global/networks/mc-eu-network`,
      region: "europe-west3",
      purpose: "PRIVATE",
      stackType: "IPV4_ONLY",
      ipCidrRange: "10.60.0.0/20",
      privateIpGoogleAccess: true,
      secondaryIpRanges: [
        { rangeName: "pods", ipCidrRange: "10.64.0.0/14" },
        { rangeName: "services", ipCidrRange: "10.68.0.0/20" },
      ],
      logConfig: {
        aggregationInterval: "INTERVAL_5_SEC",
        flowSampling: 0.5,
        metadata: "INCLUDE_ALL_METADATA",
      },
    });
  });

  it("sends egress through Cloud NAT for the subnetwork only, logging errors", () => {
    expect(one(recorded, "gcp:compute/routerNat:RouterNat", "network-nat").inputs).toEqual({
      name: "mc-eu-network-nat",
      router: "mc-eu-network-router",
      region: "europe-west3",
      natIpAllocateOption: "AUTO_ONLY",
      sourceSubnetworkIpRangesToNat: "LIST_OF_SUBNETWORKS",
      subnetworks: [
        {
          name: `projects/${project}/regions/europe-west3/subnetworks/mc-eu-network-nodes`,
          sourceIpRangesToNats: ["ALL_IP_RANGES"],
        },
      ],
      logConfig: { enable: true, filter: "ERRORS_ONLY" },
    });
  });

  it("denies SSH and RDP from anywhere first, denies all other ingress last, and allows nothing", () => {
    const firewalls = byType(recorded, "gcp:compute/firewall:Firewall");
    expect(
      firewalls
        .map((f) => [
          f.inputs.name,
          f.inputs.direction,
          f.inputs.priority,
          f.inputs.sourceRanges,
          f.inputs.denies,
          f.inputs.allows,
          f.inputs.logConfig,
        ])
        .sort(),
    ).toEqual([
      [
        "mc-eu-network-deny-admin-ingress",
        "INGRESS",
        100,
        ["0.0.0.0/0"],
        [{ protocol: "tcp", ports: ["22", "3389"] }],
        undefined,
        { metadata: "INCLUDE_ALL_METADATA" },
      ],
      [
        "mc-eu-network-deny-all-ingress",
        "INGRESS",
        65534,
        ["0.0.0.0/0"],
        [{ protocol: "all" }],
        undefined,
        { metadata: "INCLUDE_ALL_METADATA" },
      ],
    ]);
  });

  it("resolves Google APIs to private.googleapis.com inside the VPC and routes that range", () => {
    expect(
      one(recorded, "gcp:dns/managedZone:ManagedZone", "network-googleapis").inputs,
    ).toMatchObject({
      dnsName: "googleapis.com.",
      visibility: "private",
      privateVisibilityConfig: {
        networks: [{ networkUrl: `projects/${project}/global/networks/mc-eu-network` }],
      },
    });
    expect(
      byType(recorded, "gcp:dns/recordSet:RecordSet")
        .map((r) => [r.inputs.name, r.inputs.type, r.inputs.rrdatas])
        .sort(),
    ).toEqual([
      ["*.googleapis.com.", "CNAME", ["private.googleapis.com."]],
      [
        "private.googleapis.com.",
        "A",
        ["199.36.153.8", "199.36.153.9", "199.36.153.10", "199.36.153.11"],
      ],
    ]);
    expect(
      one(recorded, "gcp:compute/route:Route", "network-private-google-apis").inputs,
    ).toMatchObject({
      destRange: networkModule.privateGoogleApisCidr,
      nextHopGateway: "default-internet-gateway",
    });
  });

  it.each([0, 1.5])("rejects flow sampling %p", (flowSampling) => {
    expect(
      () =>
        new networkModule.PrivateNetwork("bad", {
          namePrefix: "mc",
          region: "europe-west3",
          flowSampling,
        }),
    ).toThrow(
      `PrivateNetwork bad: [flowSampling] must be above 0 and at most 1, received ${flowSampling}`,
    );
  });
});

describe("ServiceKeys", () => {
  it("creates one rotating, destroy-protected HSM key per store, in the store's location", async () => {
    expect(
      byType(recorded, "gcp:kms/keyRing:KeyRing")
        .map((r) => [r.inputs.name, r.inputs.location])
        .sort(),
    ).toEqual([
      ["mc-eu-cmek-bigquery", "europe"],
      ["mc-eu-cmek-spanner-europe-west1", "europe-west1"],
    ]);
    expect(one(recorded, "gcp:kms/cryptoKey:CryptoKey", "cmek-bigquery-key").inputs).toEqual({
      name: "mc-eu-cmek-bigquery-key",
      keyRing: `projects/${project}/locations/europe/keyRings/mc-eu-cmek-bigquery`,
      purpose: "ENCRYPT_DECRYPT",
      rotationPeriod: "7776000s",
      destroyScheduledDuration: "2592000s",
      deletionPolicy: "PREVENT",
      versionTemplate: { algorithm: "GOOGLE_SYMMETRIC_ENCRYPTION", protectionLevel: "HSM" },
    });
    expect(await valueOf(keys.keyId("spanner-europe-west1"))).toBe(
      keyId("europe-west1", "spanner-europe-west1"),
    );
  });

  it("grants each service agent encrypt/decrypt on its own key only", () => {
    expect(
      byType(recorded, "gcp:kms/cryptoKeyIAMMember:CryptoKeyIAMMember")
        .map((g) => g.inputs)
        .sort((a, b) => (a.member < b.member ? -1 : 1)),
    ).toEqual([
      {
        cryptoKeyId: keyId("europe", "bigquery"),
        role: "roles/cloudkms.cryptoKeyEncrypterDecrypter",
        member: "serviceAccount:bq-1@bigquery-encryption.iam.gserviceaccount.com",
      },
      {
        cryptoKeyId: keyId("europe-west1", "spanner-europe-west1"),
        role: "roles/cloudkms.cryptoKeyEncrypterDecrypter",
        member: "serviceAccount:service-1@gcp-sa-spanner.iam.gserviceaccount.com",
      },
    ]);
  });

  it("builds each agent's address from the project number", async () => {
    const agents = ["gke", "compute", "bigquery", "spanner", "vertex", "logging"] as const;
    expect(
      await Promise.all(agents.map((a) => valueOf(keysModule.serviceAgentMember(a, "42")))),
    ).toEqual([
      "serviceAccount:service-42@container-engine-robot.iam.gserviceaccount.com",
      "serviceAccount:service-42@compute-system.iam.gserviceaccount.com",
      "serviceAccount:bq-42@bigquery-encryption.iam.gserviceaccount.com",
      "serviceAccount:service-42@gcp-sa-spanner.iam.gserviceaccount.com",
      "serviceAccount:service-42@gcp-sa-aiplatform.iam.gserviceaccount.com",
      "serviceAccount:service-42@gcp-sa-logging.iam.gserviceaccount.com",
    ]);
  });

  it.each([
    [{}, "ServiceKeys bad: [keys] must name at least one key, received none"],
    [
      { logs: { location: "europe-west3", encrypters: [] } },
      "ServiceKeys bad: [keys.logs.encrypters] must list the service agents that use the key, received none",
    ],
    [
      { Logs: { location: "europe-west3", encrypters: ["user:a@b.c"] } },
      'ServiceKeys bad: [keys] names must be lowercase letters, digits and hyphens, received "Logs"',
    ],
  ])("rejects %j", (spec, message) => {
    expect(() => new keysModule.ServiceKeys("bad", { namePrefix: "mc", keys: spec })).toThrow(
      message,
    );
  });

  it("refuses a key it did not create", () => {
    expect(() => keys.keyId("vertex")).toThrow(
      'ServiceKeys: no key named "vertex"; created: bigquery, spanner-europe-west1',
    );
  });
});
