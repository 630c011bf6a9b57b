import * as container from "@pulumi/gcp/container";
import { resourcePolicy } from "../../lib/define";

/**
 * Shielded GKE nodes prove their identity to the control plane with a verifiable boot, so a node impersonated by
 * an attacker cannot join the cluster and read its secrets.
 * @severity medium
 * @controls hipaa:164.312(c)(1), hipaa:164.312(d), gdpr:art32
 */
export const gcpContainerClusterEnableShieldedNodes = resourcePolicy(
  {
    name: "gcp-container-cluster-enable-shielded-nodes",
    description: "GKE clusters must keep Shielded GKE Nodes enabled.",
    severity: "medium",
    controls: ["hipaa:164.312(c)(1)", "hipaa:164.312(d)", "gdpr:art32"],
    remediationSteps:
      "Remove `enableShieldedNodes: false` (the default is true) from the gcp.container.Cluster.",
  },
  container.Cluster,
  (cluster, { report }) => {
    if (cluster.enableShieldedNodes === false) {
      report("enableShieldedNodes is false; set it to true.");
    }
  },
);
