import type { ResourceValidationPolicy } from "@pulumi/policy";
import {
  gcpContainerClusterConfigureControlPlaneAccess,
  gcpContainerClusterConfigureReleaseChannel,
  gcpContainerClusterDisableDefaultNodePool,
  gcpContainerClusterDisableLegacyAuthorization,
  gcpContainerClusterEnableDeletionProtection,
  gcpContainerClusterEnableLoggingMonitoring,
  gcpContainerClusterEnableNetworkPolicy,
  gcpContainerClusterEnablePrivateNodes,
  gcpContainerClusterEnableShieldedNodes,
  gcpContainerClusterEnableWorkloadIdentity,
  gcpContainerClusterEnforceBinaryAuthorization,
  gcpContainerClusterMissingSecretsCmek,
} from "../../../../policies/gcp/container";
import { checkResource, unknown } from "../../harness";

const type = "gcp:container/cluster:Cluster";
const network = "(Control ID: HIPAA 164.312(a)(1); HIPAA 164.312(e)(1); GDPR Art. 32)";
const key = "projects/p/locations/europe-west3/keyRings/r/cryptoKeys/gke";

const run = (policy: ResourceValidationPolicy, props: Record<string, unknown>) =>
  checkResource(policy, { type, props });
const violations = async (policy: ResourceValidationPolicy, props: Record<string, unknown>) =>
  (await run(policy, props)).violations;

describe("gcp-container-cluster-enable-private-nodes", () => {
  const policy = gcpContainerClusterEnablePrivateNodes;
  it("passes private nodes", async () => {
    expect(await run(policy, { privateClusterConfig: { enablePrivateNodes: true } })).toEqual({
      violations: [],
      indeterminate: false,
    });
  });
  it("fails public nodes", async () => {
    expect(
      await violations(policy, { privateClusterConfig: { enablePrivateNodes: false } }),
    ).toEqual([`privateClusterConfig.enablePrivateNodes is false; set it to true. ${network}`]);
  });
  it("fails a cluster without privateClusterConfig", async () => {
    expect(await violations(policy, {})).toEqual([
      `privateClusterConfig.enablePrivateNodes is not set (nodes get public IPs); set it to true. ${network}`,
    ]);
  });
  it("is indeterminate when the setting is unknown", async () => {
    expect(await run(policy, { privateClusterConfig: { enablePrivateNodes: unknown } })).toEqual({
      violations: [],
      indeterminate: true,
    });
  });
  it("is not applicable to node pools", async () => {
    const out = await checkResource(policy, { type: "gcp:container/nodePool:NodePool", props: {} });
    expect(out.notApplicable).toBe(`Policy only applies to resources of type '${type}'`);
  });
});

describe("gcp-container-cluster-configure-control-plane-access", () => {
  const policy = gcpContainerClusterConfigureControlPlaneAccess;
  it("passes a private endpoint", async () => {
    expect(
      await violations(policy, { privateClusterConfig: { enablePrivateEndpoint: true } }),
    ).toEqual([]);
  });
  it("passes a public endpoint limited to authorized networks", async () => {
    const props = { masterAuthorizedNetworksConfig: { cidrBlocks: [{ cidrBlock: "10.0.0.0/8" }] } };
    expect(await violations(policy, props)).toEqual([]);
  });
  it("fails a public endpoint without authorized networks", async () => {
    expect(await violations(policy, {})).toEqual([
      `The control plane has a public endpoint (privateClusterConfig.enablePrivateEndpoint is not true) and no masterAuthorizedNetworksConfig; enable the private endpoint or list authorized networks. ${network}`,
    ]);
  });
  it("fails authorized networks that include the internet", async () => {
    const props = {
      masterAuthorizedNetworksConfig: {
        cidrBlocks: [{ cidrBlock: "10.0.0.0/8" }, { cidrBlock: "0.0.0.0/0" }],
      },
    };
    expect(await violations(policy, props)).toEqual([
      `masterAuthorizedNetworksConfig.cidrBlocks allow the whole internet (0.0.0.0/0). ${network}`,
    ]);
  });
  it("is indeterminate when the endpoint setting is unknown", async () => {
    expect(
      (await run(policy, { privateClusterConfig: { enablePrivateEndpoint: unknown } }))
        .indeterminate,
    ).toBe(true);
  });
});

describe("gcp-container-cluster-disable-legacy-authorization", () => {
  const policy = gcpContainerClusterDisableLegacyAuthorization;
  const ids = "(Control ID: HIPAA 164.312(d); HIPAA 164.312(a)(1); GDPR Art. 32)";
  it("passes ABAC off and no client certificate", async () => {
    const props = {
      enableLegacyAbac: false,
      masterAuth: { clientCertificateConfig: { issueClientCertificate: false } },
    };
    expect(await violations(policy, props)).toEqual([]);
  });
  it("passes when both are absent (defaults are off)", async () => {
    expect(await violations(policy, {})).toEqual([]);
  });
  it("fails legacy ABAC and client certificates", async () => {
    const props = {
      enableLegacyAbac: true,
      masterAuth: { clientCertificateConfig: { issueClientCertificate: true } },
    };
    expect(await violations(policy, props)).toEqual([
      `enableLegacyAbac is true; set it to false and authorize with RBAC. ${ids}`,
      `masterAuth.clientCertificateConfig.issueClientCertificate is true; set it to false. ${ids}`,
    ]);
  });
  it("is indeterminate when ABAC is unknown", async () => {
    expect((await run(policy, { enableLegacyAbac: unknown })).indeterminate).toBe(true);
  });
});

describe("gcp-container-cluster-enable-network-policy", () => {
  const policy = gcpContainerClusterEnableNetworkPolicy;
  it.each([
    [{ datapathProvider: "ADVANCED_DATAPATH" }],
    [{ networkPolicy: { enabled: true, provider: "CALICO" } }],
  ])("passes %j", async (props) => {
    expect(await violations(policy, props)).toEqual([]);
  });
  it("fails the legacy datapath with network policy off", async () => {
    expect(
      await violations(policy, {
        datapathProvider: "LEGACY_DATAPATH",
        networkPolicy: { enabled: false },
      }),
    ).toEqual([
      `datapathProvider is "LEGACY_DATAPATH" and networkPolicy.enabled is false; set datapathProvider to "ADVANCED_DATAPATH". ${network}`,
    ]);
  });
  it("fails when neither is set", async () => {
    expect(await violations(policy, {})).toEqual([
      `datapathProvider is not set (legacy datapath) and networkPolicy.enabled is not set (false); set datapathProvider to "ADVANCED_DATAPATH". ${network}`,
    ]);
  });
  it("is indeterminate when the datapath is unknown", async () => {
    expect(await run(policy, { datapathProvider: unknown })).toEqual({
      violations: [],
      indeterminate: true,
    });
  });
});

describe("gcp-container-cluster-enable-logging-monitoring", () => {
  const policy = gcpContainerClusterEnableLoggingMonitoring;
  const ids = "(Control ID: HIPAA 164.312(b); HIPAA 164.308(a)(1)(ii)(D); GDPR Art. 33)";
  it("passes the Kubernetes services", async () => {
    const props = {
      loggingService: "logging.googleapis.com/kubernetes",
      monitoringService: "monitoring.googleapis.com/kubernetes",
    };
    expect(await violations(policy, props)).toEqual([]);
  });
  it("passes the defaults when absent", async () => {
    expect(await violations(policy, {})).toEqual([]);
  });
  it("fails logging and monitoring turned off", async () => {
    expect(await violations(policy, { loggingService: "none", monitoringService: "none" })).toEqual(
      [
        `loggingService is "none"; set it to "logging.googleapis.com/kubernetes". ${ids}`,
        `monitoringService is "none"; set it to "monitoring.googleapis.com/kubernetes". ${ids}`,
      ],
    );
  });
  it("is indeterminate when the logging service is unknown", async () => {
    expect((await run(policy, { loggingService: unknown })).indeterminate).toBe(true);
  });
});

describe("gcp-container-cluster-enable-shielded-nodes", () => {
  const policy = gcpContainerClusterEnableShieldedNodes;
  it("passes shielded nodes and the default", async () => {
    expect(await violations(policy, { enableShieldedNodes: true })).toEqual([]);
    expect(await violations(policy, {})).toEqual([]);
  });
  it("fails shielded nodes turned off", async () => {
    expect(await violations(policy, { enableShieldedNodes: false })).toEqual([
      "enableShieldedNodes is false; set it to true. (Control ID: HIPAA 164.312(c)(1); HIPAA 164.312(d); GDPR Art. 32)",
    ]);
  });
  it("is indeterminate when unknown", async () => {
    expect((await run(policy, { enableShieldedNodes: unknown })).indeterminate).toBe(true);
  });
});

describe("gcp-container-cluster-enable-workload-identity", () => {
  const policy = gcpContainerClusterEnableWorkloadIdentity;
  const message =
    'workloadIdentityConfig.workloadPool is not set; set it to "<project>.svc.id.goog". (Control ID: HIPAA 164.312(a)(1); HIPAA 164.312(d); GDPR Art. 32)';
  it("passes a workload pool", async () => {
    expect(
      await violations(policy, { workloadIdentityConfig: { workloadPool: "p.svc.id.goog" } }),
    ).toEqual([]);
  });
  it("fails an empty pool and an absent config", async () => {
    expect(await violations(policy, { workloadIdentityConfig: { workloadPool: "" } })).toEqual([
      message,
    ]);
    expect(await violations(policy, {})).toEqual([message]);
  });
  it("is indeterminate when the pool is unknown", async () => {
    expect(await run(policy, { workloadIdentityConfig: { workloadPool: unknown } })).toEqual({
      violations: [],
      indeterminate: true,
    });
  });
});

describe("gcp-container-cluster-enforce-binary-authorization", () => {
  const policy = gcpContainerClusterEnforceBinaryAuthorization;
  const ids = "(Control ID: HIPAA 164.312(c)(2); HIPAA 164.312(c)(1); GDPR Art. 32)";
  it("passes the enforced project policy", async () => {
    const props = { binaryAuthorization: { evaluationMode: "PROJECT_SINGLETON_POLICY_ENFORCE" } };
    expect(await violations(policy, props)).toEqual([]);
  });
  it("fails a disabled evaluation mode", async () => {
    expect(
      await violations(policy, { binaryAuthorization: { evaluationMode: "DISABLED" } }),
    ).toEqual([
      `binaryAuthorization.evaluationMode is "DISABLED"; set it to "PROJECT_SINGLETON_POLICY_ENFORCE". ${ids}`,
    ]);
  });
  it("fails when absent", async () => {
    expect(await violations(policy, {})).toEqual([
      `binaryAuthorization.evaluationMode is not set (DISABLED); set it to "PROJECT_SINGLETON_POLICY_ENFORCE". ${ids}`,
    ]);
  });
  it("is indeterminate when unknown", async () => {
    expect(
      (await run(policy, { binaryAuthorization: { evaluationMode: unknown } })).indeterminate,
    ).toBe(true);
  });
});

describe("gcp-container-cluster-missing-secrets-cmek", () => {
  const policy = gcpContainerClusterMissingSecretsCmek;
  const ids = "(Control ID: HIPAA 164.312(a)(2)(iv); GDPR Art. 32)";
  it("passes ENCRYPTED with a key", async () => {
    expect(
      await violations(policy, { databaseEncryption: { state: "ENCRYPTED", keyName: key } }),
    ).toEqual([]);
  });
  it("fails DECRYPTED", async () => {
    expect(await violations(policy, { databaseEncryption: { state: "DECRYPTED" } })).toEqual([
      `databaseEncryption.state is "DECRYPTED"; set it to "ENCRYPTED" with a keyName. ${ids}`,
    ]);
  });
  it("fails ENCRYPTED without a key", async () => {
    expect(await violations(policy, { databaseEncryption: { state: "ENCRYPTED" } })).toEqual([
      `databaseEncryption.state is ENCRYPTED but keyName is not set; set it to a Cloud KMS crypto key. ${ids}`,
    ]);
  });
  it("fails when databaseEncryption is absent", async () => {
    expect(await violations(policy, {})).toEqual([
      `databaseEncryption.state is not set (DECRYPTED); set it to "ENCRYPTED" with a keyName. ${ids}`,
    ]);
  });
  it("is indeterminate when the key is unknown", async () => {
    expect(
      await run(policy, { databaseEncryption: { state: "ENCRYPTED", keyName: unknown } }),
    ).toEqual({
      violations: [],
      indeterminate: true,
    });
  });
});

describe("gcp-container-cluster-configure-release-channel", () => {
  const policy = gcpContainerClusterConfigureReleaseChannel;
  const ids = "(Control ID: GDPR Art. 32; HIPAA 164.312(c)(1))";
  it("passes REGULAR", async () => {
    expect(await violations(policy, { releaseChannel: { channel: "REGULAR" } })).toEqual([]);
  });
  it("fails UNSPECIFIED", async () => {
    expect(await violations(policy, { releaseChannel: { channel: "UNSPECIFIED" } })).toEqual([
      `releaseChannel.channel is "UNSPECIFIED"; set it to "REGULAR" or "STABLE". ${ids}`,
    ]);
  });
  it("fails when absent", async () => {
    expect(await violations(policy, {})).toEqual([
      `releaseChannel.channel is not set (no release channel); set it to "REGULAR" or "STABLE". ${ids}`,
    ]);
  });
  it("is indeterminate when unknown", async () => {
    expect((await run(policy, { releaseChannel: { channel: unknown } })).indeterminate).toBe(true);
  });
});

describe("gcp-container-cluster-enable-deletion-protection", () => {
  const policy = gcpContainerClusterEnableDeletionProtection;
  it("passes true and the default", async () => {
    expect(await violations(policy, { deletionProtection: true })).toEqual([]);
    expect(await violations(policy, {})).toEqual([]);
  });
  it("fails false", async () => {
    expect(await violations(policy, { deletionProtection: false })).toEqual([
      "deletionProtection is false; set it to true. (Control ID: HIPAA 164.308(a)(7); HIPAA 164.312(c)(1))",
    ]);
  });
  it("is indeterminate when unknown", async () => {
    expect((await run(policy, { deletionProtection: unknown })).indeterminate).toBe(true);
  });
});

describe("gcp-container-cluster-disable-default-node-pool", () => {
  const policy = gcpContainerClusterDisableDefaultNodePool;
  const ids = "(Control ID: HIPAA 164.312(a)(1); GDPR Art. 25)";
  it("passes removeDefaultNodePool", async () => {
    expect(await violations(policy, { removeDefaultNodePool: true })).toEqual([]);
  });
  it("fails false and absent", async () => {
    expect(await violations(policy, { removeDefaultNodePool: false })).toEqual([
      `removeDefaultNodePool is false; set it to true. ${ids}`,
    ]);
    expect(await violations(policy, {})).toEqual([
      `removeDefaultNodePool is not set (false); set it to true. ${ids}`,
    ]);
  });
  it("is indeterminate when unknown", async () => {
    expect((await run(policy, { removeDefaultNodePool: unknown })).indeterminate).toBe(true);
  });
});
