import * as container from "@pulumi/gcp/container";
import { resourcePolicy } from "../../lib/define";
import { shown } from "../lib/shown";

/**
 * Without network policy enforcement every pod can reach every other pod, so one compromised workload reaches the
 * services that hold PHI; Dataplane V2 (ADVANCED_DATAPATH) enforces NetworkPolicy natively.
 * @severity medium
 * @controls hipaa:164.312(a)(1), hipaa:164.312(e)(1), gdpr:art32
 */
export const gcpContainerClusterEnableNetworkPolicy = resourcePolicy(
  {
    name: "gcp-container-cluster-enable-network-policy",
    description:
      'GKE clusters must enforce network policy (datapathProvider "ADVANCED_DATAPATH" or networkPolicy enabled).',
    severity: "medium",
    controls: ["hipaa:164.312(a)(1)", "hipaa:164.312(e)(1)", "gdpr:art32"],
    remediationSteps:
      'Set `datapathProvider: "ADVANCED_DATAPATH"` (Dataplane V2) on the gcp.container.Cluster, or `networkPolicy: { enabled: true }` with `addonsConfig.networkPolicyConfig.disabled: false`.',
  },
  container.Cluster,
  (cluster, { report }) => {
    if (
      cluster.datapathProvider === "ADVANCED_DATAPATH" ||
      cluster.networkPolicy?.enabled === true
    ) {
      return;
    }
    report(
      `datapathProvider is ${shown(cluster.datapathProvider, "legacy datapath")} and networkPolicy.enabled is ${shown(cluster.networkPolicy?.enabled, "false")}; set datapathProvider to "ADVANCED_DATAPATH".`,
    );
  },
);
