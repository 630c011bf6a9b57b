import * as container from "@pulumi/gcp/container";
import { resourcePolicy } from "../../lib/define";

/**
 * Auto-upgrade applies node security patches and auto-repair replaces unhealthy nodes; turning either off leaves
 * vulnerable or failed nodes serving PHI workloads.
 * @severity medium
 * @controls gdpr:art32, hipaa:164.308(a)(7)
 */
export const gcpContainerNodePoolEnableAutoRepairUpgrade = resourcePolicy(
  {
    name: "gcp-container-nodepool-enable-auto-repair-upgrade",
    description: "GKE node pools must keep auto-upgrade and auto-repair enabled.",
    severity: "medium",
    controls: ["gdpr:art32", "hipaa:164.308(a)(7)"],
    remediationSteps:
      "Set `management: { autoUpgrade: true, autoRepair: true }` (the defaults) on the gcp.container.NodePool.",
  },
  container.NodePool,
  (pool, { report }) => {
    if (pool.management?.autoUpgrade === false) {
      report("management.autoUpgrade is false; set it to true.");
    }
    if (pool.management?.autoRepair === false) {
      report("management.autoRepair is false; set it to true.");
    }
  },
);
