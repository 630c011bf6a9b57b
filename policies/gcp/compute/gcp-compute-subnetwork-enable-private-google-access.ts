import * as compute from "@pulumi/gcp/compute";
import { resourcePolicy } from "../../lib/define";
import { shown } from "../lib/shown";

/** Purposes of subnets that hold VM interfaces; the others (proxy-only, PSC, NAT, migration) have no VMs. */
const vmPurposes = ["PRIVATE", "PRIVATE_RFC_1918"];

/**
 * With Private Google Access, VMs without external IPs reach Cloud Storage, BigQuery and the other Google APIs over
 * Google's network, so workloads that handle PHI need no public address to use them.
 * @severity medium
 * @controls hipaa:164.312(e)(1), gdpr:art32
 */
export const gcpComputeSubnetworkEnablePrivateGoogleAccess = resourcePolicy(
  {
    name: "gcp-compute-subnetwork-enable-private-google-access",
    description: "VPC subnetworks for VMs must enable Private Google Access.",
    severity: "medium",
    controls: ["hipaa:164.312(e)(1)", "gdpr:art32"],
    remediationSteps: "Set `privateIpGoogleAccess: true` on the gcp.compute.Subnetwork.",
  },
  compute.Subnetwork,
  (subnet, { report }) => {
    if (!vmPurposes.includes(subnet.purpose ?? "PRIVATE")) {
      return;
    }
    if (subnet.privateIpGoogleAccess !== true) {
      report(
        `privateIpGoogleAccess is ${shown(subnet.privateIpGoogleAccess, "defaults to false")}; set it to true.`,
      );
    }
  },
);
