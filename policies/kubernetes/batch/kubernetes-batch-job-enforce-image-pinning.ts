import { Job } from "@pulumi/kubernetes/batch/v1";
import { imagePinningConditions, podPolicy, imagePinningSchema } from "../lib/containers";

/**
 * A tag can be moved to another image at any time, so the code that handles PHI in the Job could change without a
 * deployment; a digest pins exactly what was reviewed (Checkov CKV_K8S_43).
 * @severity medium
 * @controls hipaa:164.312(c)(1), gdpr:art32
 */
export const kubernetesBatchJobEnforceImagePinning = podPolicy(
  {
    name: "kubernetes-batch-job-enforce-image-pinning",
    description: "Job containers must reference images by digest (@sha256).",
    severity: "medium",
    controls: ["hipaa:164.312(c)(1)", "gdpr:art32"],
    remediationSteps:
      "Reference every image of the Job as `registry/name@sha256:<digest>` (or set requireDigest: false and use an explicit tag other than latest).",
    configSchema: imagePinningSchema,
  },
  Job,
  (d) => d.spec?.template?.spec,
  imagePinningConditions,
);
