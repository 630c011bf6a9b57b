import { StatefulSet } from "@pulumi/kubernetes/apps/v1";
import { imagePinningConditions, podPolicy, imagePinningSchema } from "../lib/containers";

/**
 * A tag can be moved to another image at any time, so the code that handles PHI in the StatefulSet could change
 * without a deployment; a digest pins exactly what was reviewed (Checkov CKV_K8S_43).
 * @severity medium
 * @controls hipaa:164.312(c)(1), gdpr:art32
 */
export const kubernetesAppsStatefulSetEnforceImagePinning = podPolicy(
  {
    name: "kubernetes-apps-statefulset-enforce-image-pinning",
    description: "StatefulSet containers must reference images by digest (@sha256).",
    severity: "medium",
    controls: ["hipaa:164.312(c)(1)", "gdpr:art32"],
    remediationSteps:
      "Reference every image of the StatefulSet as `registry/name@sha256:<digest>` (or set requireDigest: false and use an explicit tag other than latest).",
    configSchema: imagePinningSchema,
  },
  StatefulSet,
  (d) => d.spec?.template?.spec,
  imagePinningConditions,
);
