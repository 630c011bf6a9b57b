import { DaemonSet } from "@pulumi/kubernetes/apps/v1";
import { secretEnvConditions, podPolicy } from "../lib/containers";

/**
 * A literal env value is stored in the DaemonSet manifest, in Pulumi state and in every revision, readable by
 * anyone who can get the object; values are judged by their shape (token formats, credentials in URLs, high-entropy
 * strings), and a secretKeyRef passes whatever the variable is called (Checkov CKV_K8S_35 prefers secrets as files;
 * NSA/CISA hardening guide).
 * @severity high
 * @controls hipaa:164.312(a)(1), gdpr:art32
 */
export const kubernetesAppsDaemonSetDisallowSecretEnvironmentValues = podPolicy(
  {
    name: "kubernetes-apps-daemonset-disallow-secret-environment-values",
    description:
      "DaemonSet containers must not hold secrets as literal env values (judged by value shape, or a literal under a secret's name).",
    severity: "high",
    controls: ["hipaa:164.312(a)(1)", "gdpr:art32"],
    remediationSteps:
      "Store the value in a Kubernetes Secret (or an external secret store) and reference it with `env[].valueFrom.secretKeyRef`.",
  },
  DaemonSet,
  (d) => d.spec?.template?.spec,
  secretEnvConditions,
);
