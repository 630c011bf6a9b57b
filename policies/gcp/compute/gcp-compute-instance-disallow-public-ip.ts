import * as compute from "@pulumi/gcp/compute";
import { resourcePolicy } from "../../lib/define";
import { checkEach } from "../../lib/conditions";

/**
 * An `accessConfigs` entry gives the VM an external IPv4 address (ephemeral when empty) and an `ipv6AccessConfigs`
 * entry an external IPv6 one; either makes it reachable from the internet (CIS GCP 4.9, Checkov CKV_GCP_40, org
 * policy compute.vmExternalIpAccess). Use Cloud NAT for egress and IAP for administration.
 * @severity high
 * @controls hipaa:164.312(e)(1), hipaa:164.312(a)(1), gdpr:art32
 */
export const gcpComputeInstanceDisallowPublicIp = resourcePolicy(
  {
    name: "gcp-compute-instance-disallow-public-ip",
    description: "Compute Engine instances must not have external IP addresses.",
    severity: "high",
    controls: ["hipaa:164.312(e)(1)", "hipaa:164.312(a)(1)", "gdpr:art32"],
    remediationSteps:
      "Remove `accessConfigs` and `ipv6AccessConfigs` from every networkInterfaces entry of the gcp.compute.Instance; use Cloud NAT and IAP instead.",
  },
  compute.Instance,
  (instance, { report }) =>
    checkEach(
      report,
      (instance.networkInterfaces ?? []).map((nic, i) => () => {
        const v4 = (nic.accessConfigs ?? []).length;
        const v6 = (nic.ipv6AccessConfigs ?? []).length;
        return v4 + v6 > 0
          ? `networkInterfaces[${i}] has ${v4 > 0 ? "accessConfigs" : "ipv6AccessConfigs"}, an external IP address; expected none.`
          : undefined;
      }),
    ),
);
