import * as compute from "@pulumi/gcp/compute";
import { resourcePolicy } from "../../lib/define";

/** Proxy-only subnets do not support flow logs. */
const proxyPurposes = ["REGIONAL_MANAGED_PROXY", "GLOBAL_MANAGED_PROXY"];

/**
 * VPC flow logs record which addresses talked to the workloads that process PHI, which is how an exfiltration or a
 * lateral movement is traced after the fact.
 * @severity medium
 * @controls hipaa:164.312(b), hipaa:164.308(a)(1)(ii)(D), gdpr:art33
 */
export const gcpComputeSubnetworkEnableFlowLogs = resourcePolicy(
  {
    name: "gcp-compute-subnetwork-enable-flow-logs",
    description: "VPC subnetworks must enable flow logs (logConfig).",
    severity: "medium",
    controls: ["hipaa:164.312(b)", "hipaa:164.308(a)(1)(ii)(D)", "gdpr:art33"],
    remediationSteps:
      'Set `logConfig: { aggregationInterval: "INTERVAL_5_SEC", flowSampling: 0.5, metadata: "INCLUDE_ALL_METADATA" }` (flowSampling above 0) on the gcp.compute.Subnetwork.',
  },
  compute.Subnetwork,
  (subnet, { report }) => {
    if (proxyPurposes.includes(subnet.purpose ?? "PRIVATE")) {
      return;
    }
    if (subnet.logConfig === undefined || subnet.logConfig === null) {
      report("logConfig is not set, so VPC flow logs are off; set logConfig to turn them on.");
    } else if (subnet.logConfig.flowSampling === 0) {
      report("logConfig.flowSampling is 0, so no flows are logged; set it above 0 (at most 1).");
    }
  },
);
