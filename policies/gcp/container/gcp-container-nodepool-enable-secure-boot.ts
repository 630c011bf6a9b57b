import * as container from "@pulumi/gcp/container";
import { resourcePolicy } from "../../lib/define";

/**
 * Secure boot refuses unsigned boot components and integrity monitoring reports a changed boot chain, so a rootkit
 * on a node that processes PHI is stopped or noticed.
 * @severity medium
 * @controls hipaa:164.312(c)(1), gdpr:art32
 */
export const gcpContainerNodePoolEnableSecureBoot = resourcePolicy(
  {
    name: "gcp-container-nodepool-enable-secure-boot",
    description:
      "GKE node pools must enable secure boot and integrity monitoring on shielded instances.",
    severity: "medium",
    controls: ["hipaa:164.312(c)(1)", "gdpr:art32"],
    remediationSteps:
      "Set `nodeConfig.shieldedInstanceConfig: { enableSecureBoot: true, enableIntegrityMonitoring: true }` on the gcp.container.NodePool.",
  },
  container.NodePool,
  (pool, { report }) => {
    const shielded = pool.nodeConfig?.shieldedInstanceConfig;
    if (shielded?.enableSecureBoot !== true) {
      report(
        `nodeConfig.shieldedInstanceConfig.enableSecureBoot is ${shielded?.enableSecureBoot === false ? "false" : "not set (defaults to false)"}; set it to true.`,
      );
    }
    if (shielded?.enableIntegrityMonitoring === false) {
      report(
        "nodeConfig.shieldedInstanceConfig.enableIntegrityMonitoring is false; set it to true.",
      );
    }
  },
);
