import type { ResourceValidationPolicy } from "@pulumi/policy";
import {
  gcpComputeFirewallDisallowPublicAdminPorts,
  gcpComputeNetworkDisableAutoCreateSubnetworks,
  gcpComputeSubnetworkEnableFlowLogs,
  gcpComputeSubnetworkEnablePrivateGoogleAccess,
} from "../../../../policies/gcp/compute";
import { checkResource, unknown } from "../../harness";

const subnetType = "gcp:compute/subnetwork:Subnetwork";
const subnet = (policy: ResourceValidationPolicy, props: Record<string, unknown>) =>
  checkResource(policy, {
    type: subnetType,
    props: { network: "vpc", ipCidrRange: "10.0.0.0/24", ...props },
  });

describe("gcp-compute-subnetwork-enable-flow-logs", () => {
  const policy = gcpComputeSubnetworkEnableFlowLogs;
  const ids = "(Control ID: HIPAA 164.312(b); HIPAA 164.308(a)(1)(ii)(D); GDPR Art. 33)";
  it("passes flow logs", async () => {
    const logConfig = {
      aggregationInterval: "INTERVAL_5_SEC",
      flowSampling: 0.5,
      metadata: "INCLUDE_ALL_METADATA",
    };
    expect(await subnet(policy, { logConfig })).toEqual({ violations: [], indeterminate: false });
  });
  it("passes a proxy-only subnet, which cannot have flow logs", async () => {
    expect(
      (await subnet(policy, { purpose: "REGIONAL_MANAGED_PROXY", role: "ACTIVE" })).violations,
    ).toEqual([]);
  });
  it("fails when logConfig is absent", async () => {
    expect((await subnet(policy, {})).violations).toEqual([
      `logConfig is not set, so VPC flow logs are off; set logConfig to turn them on. ${ids}`,
    ]);
  });
  it("fails a sampling rate of 0", async () => {
    expect((await subnet(policy, { logConfig: { flowSampling: 0 } })).violations).toEqual([
      `logConfig.flowSampling is 0, so no flows are logged; set it above 0 (at most 1). ${ids}`,
    ]);
  });
  it("is indeterminate when logConfig is unknown", async () => {
    expect(await subnet(policy, { logConfig: unknown })).toEqual({
      violations: [],
      indeterminate: true,
    });
  });
  it("is not applicable to networks", async () => {
    const out = await checkResource(policy, { type: "gcp:compute/network:Network", props: {} });
    expect(out.notApplicable).toBe(`Policy only applies to resources of type '${subnetType}'`);
  });
});

describe("gcp-compute-subnetwork-enable-private-google-access", () => {
  const policy = gcpComputeSubnetworkEnablePrivateGoogleAccess;
  const ids = "(Control ID: HIPAA 164.312(e)(1); GDPR Art. 32)";
  it("passes Private Google Access", async () => {
    expect(await subnet(policy, { privateIpGoogleAccess: true })).toEqual({
      violations: [],
      indeterminate: false,
    });
  });
  it("passes a Private Service Connect subnet, which holds no VMs", async () => {
    expect((await subnet(policy, { purpose: "PRIVATE_SERVICE_CONNECT" })).violations).toEqual([]);
  });
  it("fails it turned off", async () => {
    expect(
      (await subnet(policy, { privateIpGoogleAccess: false, purpose: "PRIVATE" })).violations,
    ).toEqual([`privateIpGoogleAccess is false; set it to true. ${ids}`]);
  });
  it("fails when absent", async () => {
    expect((await subnet(policy, {})).violations).toEqual([
      `privateIpGoogleAccess is not set (defaults to false); set it to true. ${ids}`,
    ]);
  });
  it("is indeterminate when unknown", async () => {
    expect(await subnet(policy, { privateIpGoogleAccess: unknown })).toEqual({
      violations: [],
      indeterminate: true,
    });
  });
});

describe("gcp-compute-network-disable-auto-create-subnetworks", () => {
  const policy = gcpComputeNetworkDisableAutoCreateSubnetworks;
  const ids = "(Control ID: HIPAA 164.312(e)(1); GDPR Art. 25; GDPR Art. 32)";
  const network = (props: Record<string, unknown>) =>
    checkResource(policy, { type: "gcp:compute/network:Network", props });
  it("passes custom subnet mode", async () => {
    expect(await network({ autoCreateSubnetworks: false })).toEqual({
      violations: [],
      indeterminate: false,
    });
  });
  it("fails auto mode", async () => {
    expect((await network({ autoCreateSubnetworks: true })).violations).toEqual([
      `autoCreateSubnetworks is true; set it to false and declare gcp.compute.Subnetwork resources. ${ids}`,
    ]);
  });
  it("fails when absent (auto mode by default)", async () => {
    expect((await network({})).violations).toEqual([
      `autoCreateSubnetworks is not set (defaults to true); set it to false and declare gcp.compute.Subnetwork resources. ${ids}`,
    ]);
  });
  it("is indeterminate when unknown", async () => {
    expect(await network({ autoCreateSubnetworks: unknown })).toEqual({
      violations: [],
      indeterminate: true,
    });
  });
});

describe("gcp-compute-firewall-disallow-public-admin-ports", () => {
  const policy = gcpComputeFirewallDisallowPublicAdminPorts;
  const ids = "(Control ID: HIPAA 164.312(a)(1); HIPAA 164.312(e)(1); GDPR Art. 32)";
  const expected = `expected no ingress from 0.0.0.0/0 or ::/0 to ports 22, 3389 or all ports. ${ids}`;
  const firewall = (props: Record<string, unknown>, config = {}) =>
    checkResource(
      policy,
      { type: "gcp:compute/firewall:Firewall", props: { network: "vpc", ...props } },
      config,
    );
  const world = { sourceRanges: ["0.0.0.0/0"] };

  it("passes HTTPS from the internet", async () => {
    expect(await firewall({ ...world, allows: [{ protocol: "tcp", ports: ["443"] }] })).toEqual({
      violations: [],
      indeterminate: false,
    });
  });
  it("passes SSH from the IAP range", async () => {
    const props = {
      sourceRanges: ["35.235.240.0/20"],
      allows: [{ protocol: "tcp", ports: ["22"] }],
    };
    expect((await firewall(props)).violations).toEqual([]);
  });
  it("passes ICMP from the internet (no ports)", async () => {
    expect((await firewall({ ...world, allows: [{ protocol: "icmp" }] })).violations).toEqual([]);
  });
  it("passes egress, disabled rules and rules with only source tags", async () => {
    const all = { allows: [{ protocol: "all" }] };
    expect(
      (await firewall({ ...world, ...all, direction: "EGRESS", destinationRanges: ["0.0.0.0/0"] }))
        .violations,
    ).toEqual([]);
    expect((await firewall({ ...world, ...all, disabled: true })).violations).toEqual([]);
    expect((await firewall({ ...all, sourceTags: ["bastion"] })).violations).toEqual([]);
  });
  it("passes when allows are absent (a deny rule)", async () => {
    expect((await firewall({ ...world, denies: [{ protocol: "all" }] })).violations).toEqual([]);
  });
  it("fails SSH and RDP from the internet, in ranges too", async () => {
    const props = {
      sourceRanges: ["10.0.0.0/8", "0.0.0.0/0", "::/0"],
      allows: [
        { protocol: "tcp", ports: ["22"] },
        { protocol: "tcp", ports: ["80", "3000-4000"] },
      ],
    };
    expect((await firewall(props)).violations).toEqual([
      `allows[0] opens port 22 (protocol "tcp", ports ["22"]) to 0.0.0.0/0, ::/0; ${expected}`,
      `allows[1] opens port 3389 (protocol "tcp", ports ["80","3000-4000"]) to 0.0.0.0/0, ::/0; ${expected}`,
    ]);
  });
  it('fails protocol "all", an allow without ports and a full port range', async () => {
    const props = {
      ...world,
      direction: "INGRESS",
      allows: [{ protocol: "all" }, { protocol: "udp" }, { protocol: "tcp", ports: ["0-65535"] }],
    };
    expect((await firewall(props)).violations).toEqual([
      `allows[0] opens all ports (protocol "all") to 0.0.0.0/0; ${expected}`,
      `allows[1] opens all ports (protocol "udp", no ports) to 0.0.0.0/0; ${expected}`,
      `allows[2] opens all ports (protocol "tcp", ports ["0-65535"]) to 0.0.0.0/0; ${expected}`,
    ]);
  });
  it("honours restrictedPorts from the config", async () => {
    const props = { ...world, allows: [{ protocol: "tcp", ports: ["5432"] }] };
    expect((await firewall(props)).violations).toEqual([]);
    expect((await firewall(props, { restrictedPorts: [22, 5432] })).violations).toEqual([
      `allows[0] opens port 5432 (protocol "tcp", ports ["5432"]) to 0.0.0.0/0; expected no ingress from 0.0.0.0/0 or ::/0 to ports 22, 5432 or all ports. ${ids}`,
    ]);
  });
  it("is indeterminate when the source ranges are unknown and an admin port is allowed", async () => {
    expect(
      await firewall({ sourceRanges: unknown, allows: [{ protocol: "tcp", ports: ["22"] }] }),
    ).toEqual({
      violations: [],
      indeterminate: true,
    });
  });
  it("is indeterminate when the ports are unknown for a rule open to the internet", async () => {
    expect(await firewall({ ...world, allows: [{ protocol: "tcp", ports: unknown }] })).toEqual({
      violations: [],
      indeterminate: true,
    });
  });
  it("decides on known facts: known-safe parts pass and known findings are reported despite unknowns", async () => {
    // Not open to the internet: the unknown ports do not matter.
    expect(
      await firewall({
        sourceRanges: ["10.0.0.0/8"],
        allows: [{ protocol: "tcp", ports: unknown }],
      }),
    ).toEqual({
      violations: [],
      indeterminate: false,
    });
    // Disabled: the unknown sources do not matter.
    expect(
      await firewall({ disabled: true, sourceRanges: unknown, allows: [{ protocol: "all" }] }),
    ).toEqual({
      violations: [],
      indeterminate: false,
    });
    // Only HTTPS is allowed: the unknown sources do not matter.
    expect(
      await firewall({ sourceRanges: unknown, allows: [{ protocol: "tcp", ports: ["443"] }] }),
    ).toEqual({
      violations: [],
      indeterminate: false,
    });
    // One known world range and one known SSH allow are enough, whatever else is unknown.
    const props = {
      sourceRanges: [unknown, "0.0.0.0/0"],
      allows: [{ protocol: "tcp", ports: ["22"] }, unknown],
    };
    expect(await firewall(props)).toEqual({
      violations: [
        `allows[0] opens port 22 (protocol "tcp", ports ["22"]) to 0.0.0.0/0; ${expected}`,
      ],
      indeterminate: false,
    });
  });
});
