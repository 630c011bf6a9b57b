import * as container from "@pulumi/gcp/container";
import { resourcePolicy } from "../../lib/define";

/**
 * A public control-plane endpoint open to every address lets anyone on the internet try the Kubernetes API; a
 * private endpoint or a list of authorized networks limits who can reach it at all.
 * @severity high
 * @controls hipaa:164.312(a)(1), hipaa:164.312(e)(1), gdpr:art32
 */
export const gcpContainerClusterConfigureControlPlaneAccess = resourcePolicy(
  {
    name: "gcp-container-cluster-configure-control-plane-access",
    description:
      "GKE control planes must be private or restricted to authorized networks that exclude 0.0.0.0/0.",
    severity: "high",
    controls: ["hipaa:164.312(a)(1)", "hipaa:164.312(e)(1)", "gdpr:art32"],
    remediationSteps:
      "Set `privateClusterConfig.enablePrivateEndpoint: true`, or add `masterAuthorizedNetworksConfig.cidrBlocks` listing only your own ranges (never 0.0.0.0/0).",
  },
  container.Cluster,
  (cluster, { report }) => {
    const blocks = cluster.masterAuthorizedNetworksConfig?.cidrBlocks ?? [];
    const open = blocks.map((b) => b.cidrBlock).filter((c) => c === "0.0.0.0/0" || c === "::/0");
    if (open.length > 0) {
      report(
        `masterAuthorizedNetworksConfig.cidrBlocks allow the whole internet (${open.join(", ")}).`,
      );
    }
    if (cluster.privateClusterConfig?.enablePrivateEndpoint === true) {
      return;
    }
    if (cluster.masterAuthorizedNetworksConfig === undefined) {
      report(
        "The control plane has a public endpoint (privateClusterConfig.enablePrivateEndpoint is not true) and no masterAuthorizedNetworksConfig; enable the private endpoint or list authorized networks.",
      );
    }
  },
);
