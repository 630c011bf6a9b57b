import * as container from "@pulumi/gcp/container";
import { resourcePolicy } from "../../lib/define";
import { shown } from "../lib/shown";

/**
 * Nodes with public IP addresses can be reached from the internet around every other control; private nodes reach
 * the internet only through Cloud NAT and are reached only from the VPC.
 * @severity high
 * @controls hipaa:164.312(a)(1), hipaa:164.312(e)(1), gdpr:art32
 */
export const gcpContainerClusterEnablePrivateNodes = resourcePolicy(
  {
    name: "gcp-container-cluster-enable-private-nodes",
    description: "GKE clusters must use private nodes without public IP addresses.",
    severity: "high",
    controls: ["hipaa:164.312(a)(1)", "hipaa:164.312(e)(1)", "gdpr:art32"],
    remediationSteps:
      "Set `privateClusterConfig.enablePrivateNodes: true` (with a `masterIpv4CidrBlock`) on the gcp.container.Cluster and give the nodes egress through Cloud NAT.",
  },
  container.Cluster,
  (cluster, { report }) => {
    const enabled = cluster.privateClusterConfig?.enablePrivateNodes;
    if (enabled !== true) {
      report(
        `privateClusterConfig.enablePrivateNodes is ${shown(enabled, "nodes get public IPs")}; set it to true.`,
      );
    }
  },
);
