import * as container from "@pulumi/gcp/container";
import { resourcePolicy } from "../../lib/define";

/**
 * Without Workload Identity every pod acts as the node's service account; with it each Kubernetes service account
 * maps to its own least-privilege Google identity, and no key files are needed.
 * @severity high
 * @controls hipaa:164.312(a)(1), hipaa:164.312(d), gdpr:art32
 */
export const gcpContainerClusterEnableWorkloadIdentity = resourcePolicy(
  {
    name: "gcp-container-cluster-enable-workload-identity",
    description:
      "GKE clusters must enable Workload Identity (workloadIdentityConfig.workloadPool).",
    severity: "high",
    controls: ["hipaa:164.312(a)(1)", "hipaa:164.312(d)", "gdpr:art32"],
    remediationSteps:
      'Set `workloadIdentityConfig.workloadPool: "<project>.svc.id.goog"` on the gcp.container.Cluster and `workloadMetadataConfig.mode: "GKE_METADATA"` on its node pools.',
  },
  container.Cluster,
  (cluster, { report }) => {
    const pool = cluster.workloadIdentityConfig?.workloadPool;
    if (typeof pool !== "string" || pool === "") {
      report('workloadIdentityConfig.workloadPool is not set; set it to "<project>.svc.id.goog".');
    }
  },
);
