import * as dataproc from "@pulumi/gcp/dataproc";
import { resourcePolicy } from "../../lib/define";
import { checkEach, mustBeTrue } from "../../lib/conditions";

/**
 * Dataproc nodes get ephemeral external IPs unless internalIpOnly is set, exposing their web UIs and SSH to the
 * internet (Checkov CKV_GCP_103).
 * @severity high
 * @controls hipaa:164.312(a)(1), hipaa:164.312(e)(1), gdpr:art32
 */
export const gcpDataprocClusterEnableInternalIpOnly = resourcePolicy(
  {
    name: "gcp-dataproc-cluster-enable-internal-ip-only",
    description: "Dataproc clusters must use internal IP addresses only.",
    severity: "high",
    controls: ["hipaa:164.312(a)(1)", "hipaa:164.312(e)(1)", "gdpr:art32"],
    remediationSteps:
      "Set `clusterConfig.gceClusterConfig.internalIpOnly: true` (with Private Google Access on the subnet) on the gcp.dataproc.Cluster.",
  },
  dataproc.Cluster,
  (cluster, { report }) =>
    checkEach(report, [
      () =>
        mustBeTrue(
          "clusterConfig.gceClusterConfig.internalIpOnly",
          cluster.clusterConfig?.gceClusterConfig?.internalIpOnly,
          "external IPs assigned",
        ),
    ]),
);
