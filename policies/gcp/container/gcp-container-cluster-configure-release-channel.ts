import * as container from "@pulumi/gcp/container";
import { resourcePolicy } from "../../lib/define";
import { shown } from "../lib/shown";

/**
 * A release channel keeps the control plane and nodes on supported, patched versions; without one, security fixes
 * wait for someone to upgrade by hand.
 * @severity medium
 * @controls gdpr:art32, hipaa:164.312(c)(1)
 */
export const gcpContainerClusterConfigureReleaseChannel = resourcePolicy(
  {
    name: "gcp-container-cluster-configure-release-channel",
    description: "GKE clusters must be enrolled in a release channel (REGULAR, STABLE or RAPID).",
    severity: "medium",
    controls: ["gdpr:art32", "hipaa:164.312(c)(1)"],
    remediationSteps:
      'Set `releaseChannel: { channel: "REGULAR" }` (or "STABLE") on the gcp.container.Cluster.',
  },
  container.Cluster,
  (cluster, { report }) => {
    const channel = cluster.releaseChannel?.channel;
    if (channel === undefined || channel === "UNSPECIFIED") {
      report(
        `releaseChannel.channel is ${shown(channel, "no release channel")}; set it to "REGULAR" or "STABLE".`,
      );
    }
  },
);
