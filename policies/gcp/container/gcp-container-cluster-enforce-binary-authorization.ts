import * as container from "@pulumi/gcp/container";
import { resourcePolicy } from "../../lib/define";
import { shown } from "../lib/shown";

/**
 * Binary Authorization admits only images signed by the build pipeline, so an image nobody reviewed cannot run next
 * to PHI.
 * @severity medium
 * @controls hipaa:164.312(c)(2), hipaa:164.312(c)(1), gdpr:art32
 */
export const gcpContainerClusterEnforceBinaryAuthorization = resourcePolicy(
  {
    name: "gcp-container-cluster-enforce-binary-authorization",
    description:
      'GKE clusters must enforce Binary Authorization ("PROJECT_SINGLETON_POLICY_ENFORCE").',
    severity: "medium",
    controls: ["hipaa:164.312(c)(2)", "hipaa:164.312(c)(1)", "gdpr:art32"],
    remediationSteps:
      'Set `binaryAuthorization.evaluationMode: "PROJECT_SINGLETON_POLICY_ENFORCE"` on the gcp.container.Cluster and define the project\'s Binary Authorization policy.',
  },
  container.Cluster,
  (cluster, { report }) => {
    const mode = cluster.binaryAuthorization?.evaluationMode;
    if (mode !== "PROJECT_SINGLETON_POLICY_ENFORCE") {
      report(
        `binaryAuthorization.evaluationMode is ${shown(mode, "DISABLED")}; set it to "PROJECT_SINGLETON_POLICY_ENFORCE".`,
      );
    }
  },
);
