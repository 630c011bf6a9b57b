import { StatefulSet } from "@pulumi/kubernetes/apps/v1";
import { workloadPodSecurityPolicy } from "../lib/workload";

/**
 * A compromised container of a PHI workload must not become a compromised node: the restricted profile removes
 * root, privilege escalation, capabilities, host namespaces and writable root filesystems, and limits keep one pod
 * from starving the others.
 * @severity high
 * @controls hipaa:164.312(a)(1), gdpr:art32, gdpr:art25
 */
export const kubernetesAppsStatefulSetEnforceRestrictedPodSecurity = workloadPodSecurityPolicy(
  "kubernetes-apps-statefulset-enforce-restricted-pod-security",
  "StatefulSet",
  StatefulSet,
  (d) => d.spec?.template?.spec,
);
