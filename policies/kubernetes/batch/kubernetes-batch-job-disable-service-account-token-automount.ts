import { Job } from "@pulumi/kubernetes/batch/v1";
import { tokenAutomountConditions, podPolicy } from "../lib/containers";

/**
 * Kubernetes mounts a service account token into every pod by default; a compromised container of the Job then
 * talks to the API server with the pod's rights (CIS Kubernetes 5.1.6, Checkov CKV_K8S_38).
 * @severity medium
 * @controls hipaa:164.312(a)(1), gdpr:art32, gdpr:art25
 */
export const kubernetesBatchJobDisableServiceAccountTokenAutomount = podPolicy(
  {
    name: "kubernetes-batch-job-disable-service-account-token-automount",
    description: "Job pod specs must set automountServiceAccountToken: false.",
    severity: "medium",
    controls: ["hipaa:164.312(a)(1)", "gdpr:art32", "gdpr:art25"],
    remediationSteps:
      "Set `automountServiceAccountToken: false` in the pod spec; mount a projected, audience-bound token only where the pod calls the Kubernetes API.",
  },
  Job,
  (d) => d.spec?.template?.spec,
  tokenAutomountConditions,
);
