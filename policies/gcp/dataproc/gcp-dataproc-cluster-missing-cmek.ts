import * as dataproc from "@pulumi/gcp/dataproc";
import { resourcePolicy } from "../../lib/define";
import { checkEach, mustBeSet } from "../../lib/conditions";

/**
 * Cluster disks hold the PHI a Spark or Hadoop job processes; without an encryptionConfig they use Google-managed
 * keys (Checkov CKV_GCP_91).
 * @severity high
 * @controls hipaa:164.312(a)(2)(iv), gdpr:art32
 */
export const gcpDataprocClusterMissingCmek = resourcePolicy(
  {
    name: "gcp-dataproc-cluster-missing-cmek",
    description:
      "Dataproc clusters must be encrypted with a customer-managed Cloud KMS key (CMEK).",
    severity: "high",
    controls: ["hipaa:164.312(a)(2)(iv)", "gdpr:art32"],
    remediationSteps:
      "Set `clusterConfig.encryptionConfig.kmsKeyName: <Cloud KMS key id>` on the gcp.dataproc.Cluster.",
  },
  dataproc.Cluster,
  (r, { report }) =>
    checkEach(report, [
      () =>
        mustBeSet(
          "clusterConfig.encryptionConfig.kmsKeyName",
          r.clusterConfig?.encryptionConfig?.kmsKeyName,
          "a Google-managed key",
          "a Cloud KMS key name",
        ),
    ]),
);
