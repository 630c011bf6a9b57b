import * as container from "@pulumi/gcp/container";
import { resourcePolicy } from "../../lib/define";
import { shown } from "../lib/shown";

/**
 * The default node pool runs as the Compute Engine default service account and cannot carry the node settings
 * checked on gcp.container.NodePool (metadata server, CMEK boot disks, secure boot); separately managed pools can.
 * @severity medium
 * @controls hipaa:164.312(a)(1), gdpr:art25
 */
export const gcpContainerClusterDisableDefaultNodePool = resourcePolicy(
  {
    name: "gcp-container-cluster-disable-default-node-pool",
    description:
      "GKE clusters must remove the default node pool and use separately managed node pools.",
    severity: "medium",
    controls: ["hipaa:164.312(a)(1)", "gdpr:art25"],
    remediationSteps:
      "Set `removeDefaultNodePool: true` and `initialNodeCount: 1` on the gcp.container.Cluster and declare gcp.container.NodePool resources.",
  },
  container.Cluster,
  (cluster, { report }) => {
    if (cluster.removeDefaultNodePool !== true) {
      report(
        `removeDefaultNodePool is ${shown(cluster.removeDefaultNodePool, "false")}; set it to true.`,
      );
    }
  },
);
