import * as compute from "@pulumi/gcp/compute";
import { resourcePolicy } from "../../lib/define";
import { shown } from "../lib/shown";

/**
 * An auto mode network creates a subnet in every region, including regions outside the EU, with predictable ranges
 * and without flow logs or Private Google Access; custom subnets are declared, reviewed and checked one by one.
 * @severity medium
 * @controls hipaa:164.312(e)(1), gdpr:art25, gdpr:art32
 */
export const gcpComputeNetworkDisableAutoCreateSubnetworks = resourcePolicy(
  {
    name: "gcp-compute-network-disable-auto-create-subnetworks",
    description: "VPC networks must be in custom subnet mode (autoCreateSubnetworks false).",
    severity: "medium",
    controls: ["hipaa:164.312(e)(1)", "gdpr:art25", "gdpr:art32"],
    remediationSteps:
      "Set `autoCreateSubnetworks: false` on the gcp.compute.Network and declare each gcp.compute.Subnetwork explicitly.",
  },
  compute.Network,
  (network, { report }) => {
    if (network.autoCreateSubnetworks !== false) {
      report(
        `autoCreateSubnetworks is ${shown(network.autoCreateSubnetworks, "defaults to true")}; set it to false and declare gcp.compute.Subnetwork resources.`,
      );
    }
  },
);
