import * as container from "@pulumi/gcp/container";
import { resourcePolicy } from "../../lib/define";

/**
 * Deleting a cluster takes its workloads, persistent volumes and secrets with it; deletion protection makes a
 * `pulumi destroy` or a replacement fail instead.
 * @severity medium
 * @controls hipaa:164.308(a)(7), hipaa:164.312(c)(1)
 */
export const gcpContainerClusterEnableDeletionProtection = resourcePolicy(
  {
    name: "gcp-container-cluster-enable-deletion-protection",
    description: "GKE clusters must keep deletion protection on.",
    severity: "medium",
    controls: ["hipaa:164.308(a)(7)", "hipaa:164.312(c)(1)"],
    remediationSteps:
      "Remove `deletionProtection: false` (the provider default is true) from the gcp.container.Cluster.",
  },
  container.Cluster,
  (cluster, { report }) => {
    if (cluster.deletionProtection === false) {
      report("deletionProtection is false; set it to true.");
    }
  },
);
