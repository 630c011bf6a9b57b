import * as container from "@pulumi/gcp/container";
import { resourcePolicy } from "../../lib/define";
import { shown } from "../lib/shown";

/**
 * With the GKE metadata server, pods see only their own Workload Identity; otherwise any pod can read the node's
 * service-account token and kubelet credentials from the instance metadata.
 * @severity high
 * @controls hipaa:164.312(a)(1), hipaa:164.312(d), gdpr:art32
 */
export const gcpContainerNodePoolEnableGkeMetadataServer = resourcePolicy(
  {
    name: "gcp-container-nodepool-enable-gke-metadata-server",
    description:
      'GKE node pools must use the GKE metadata server (workloadMetadataConfig.mode "GKE_METADATA").',
    severity: "high",
    controls: ["hipaa:164.312(a)(1)", "hipaa:164.312(d)", "gdpr:art32"],
    remediationSteps:
      'Set `nodeConfig.workloadMetadataConfig.mode: "GKE_METADATA"` on the gcp.container.NodePool.',
  },
  container.NodePool,
  (pool, { report }) => {
    const mode = pool.nodeConfig?.workloadMetadataConfig?.mode;
    if (mode !== "GKE_METADATA") {
      report(
        `nodeConfig.workloadMetadataConfig.mode is ${shown(mode, "inherits the cluster default")}; set it to "GKE_METADATA".`,
      );
    }
  },
);
