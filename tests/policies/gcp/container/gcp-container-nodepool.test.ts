import type { ResourceValidationPolicy } from "@pulumi/policy";
import {
  gcpContainerNodePoolEnableAutoRepairUpgrade,
  gcpContainerNodePoolEnableGkeMetadataServer,
  gcpContainerNodePoolEnableSecureBoot,
  gcpContainerNodePoolMissingBootDiskCmek,
} from "../../../../policies/gcp/container";
import { checkResource, unknown } from "../../harness";

const type = "gcp:container/nodePool:NodePool";
const run = (policy: ResourceValidationPolicy, props: Record<string, unknown>) =>
  checkResource(policy, { type, props });
const violations = async (policy: ResourceValidationPolicy, props: Record<string, unknown>) =>
  (await run(policy, props)).violations;

describe("gcp-container-nodepool-enable-gke-metadata-server", () => {
  const policy = gcpContainerNodePoolEnableGkeMetadataServer;
  const ids = "(Control ID: HIPAA 164.312(a)(1); HIPAA 164.312(d); GDPR Art. 32)";
  it("passes GKE_METADATA", async () => {
    expect(
      await violations(policy, {
        nodeConfig: { workloadMetadataConfig: { mode: "GKE_METADATA" } },
      }),
    ).toEqual([]);
  });
  it("fails GCE_METADATA", async () => {
    expect(
      await violations(policy, {
        nodeConfig: { workloadMetadataConfig: { mode: "GCE_METADATA" } },
      }),
    ).toEqual([
      `nodeConfig.workloadMetadataConfig.mode is "GCE_METADATA"; set it to "GKE_METADATA". ${ids}`,
    ]);
  });
  it("fails when absent", async () => {
    expect(await violations(policy, {})).toEqual([
      `nodeConfig.workloadMetadataConfig.mode is not set (inherits the cluster default); set it to "GKE_METADATA". ${ids}`,
    ]);
  });
  it("is indeterminate when unknown", async () => {
    expect(
      await run(policy, { nodeConfig: { workloadMetadataConfig: { mode: unknown } } }),
    ).toEqual({
      violations: [],
      indeterminate: true,
    });
  });
});

describe("gcp-container-nodepool-missing-boot-disk-cmek", () => {
  const policy = gcpContainerNodePoolMissingBootDiskCmek;
  it("passes a boot disk key", async () => {
    expect(
      await violations(policy, {
        nodeConfig: { bootDiskKmsKey: "projects/p/locations/l/keyRings/r/cryptoKeys/k" },
      }),
    ).toEqual([]);
  });
  it("fails when absent", async () => {
    expect(await violations(policy, { nodeConfig: {} })).toEqual([
      "nodeConfig.bootDiskKmsKey is not set, so boot disks use Google-managed keys; set it to a Cloud KMS key. (Control ID: HIPAA 164.312(a)(2)(iv); GDPR Art. 32)",
    ]);
  });
  it("is indeterminate when the key is unknown", async () => {
    expect((await run(policy, { nodeConfig: { bootDiskKmsKey: unknown } })).indeterminate).toBe(
      true,
    );
  });
});

describe("gcp-container-nodepool-enable-secure-boot", () => {
  const policy = gcpContainerNodePoolEnableSecureBoot;
  const ids = "(Control ID: HIPAA 164.312(c)(1); GDPR Art. 32)";
  it("passes secure boot and integrity monitoring", async () => {
    const props = {
      nodeConfig: {
        shieldedInstanceConfig: { enableSecureBoot: true, enableIntegrityMonitoring: true },
      },
    };
    expect(await violations(policy, props)).toEqual([]);
  });
  it("fails both turned off", async () => {
    const props = {
      nodeConfig: {
        shieldedInstanceConfig: { enableSecureBoot: false, enableIntegrityMonitoring: false },
      },
    };
    expect(await violations(policy, props)).toEqual([
      `nodeConfig.shieldedInstanceConfig.enableSecureBoot is false; set it to true. ${ids}`,
      `nodeConfig.shieldedInstanceConfig.enableIntegrityMonitoring is false; set it to true. ${ids}`,
    ]);
  });
  it("fails when absent, as secure boot defaults to off", async () => {
    expect(await violations(policy, {})).toEqual([
      `nodeConfig.shieldedInstanceConfig.enableSecureBoot is not set (defaults to false); set it to true. ${ids}`,
    ]);
  });
  it("is indeterminate when unknown", async () => {
    expect(
      (await run(policy, { nodeConfig: { shieldedInstanceConfig: { enableSecureBoot: unknown } } }))
        .indeterminate,
    ).toBe(true);
  });
});

describe("gcp-container-nodepool-enable-auto-repair-upgrade", () => {
  const policy = gcpContainerNodePoolEnableAutoRepairUpgrade;
  const ids = "(Control ID: GDPR Art. 32; HIPAA 164.308(a)(7))";
  it("passes both on and the defaults", async () => {
    expect(
      await violations(policy, { management: { autoUpgrade: true, autoRepair: true } }),
    ).toEqual([]);
    expect(await violations(policy, {})).toEqual([]);
  });
  it("fails both off", async () => {
    expect(
      await violations(policy, { management: { autoUpgrade: false, autoRepair: false } }),
    ).toEqual([
      `management.autoUpgrade is false; set it to true. ${ids}`,
      `management.autoRepair is false; set it to true. ${ids}`,
    ]);
  });
  it("is indeterminate when unknown", async () => {
    expect((await run(policy, { management: { autoUpgrade: unknown } })).indeterminate).toBe(true);
  });
});
