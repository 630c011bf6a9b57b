import { DaemonSet } from "@pulumi/kubernetes/apps/v1";
import { probeConditions, podPolicy } from "../lib/containers";

/**
 * Without probes a hung replica of the DaemonSet keeps receiving traffic and is never restarted, so clinical
 * services degrade silently (Checkov CKV_K8S_8/9).
 * @severity low
 * @controls hipaa:164.308(a)(7)
 */
export const kubernetesAppsDaemonSetConfigureProbes = podPolicy(
  {
    name: "kubernetes-apps-daemonset-configure-probes",
    description: "DaemonSet containers must declare readiness and liveness probes.",
    severity: "low",
    controls: ["hipaa:164.308(a)(7)"],
    remediationSteps:
      "Add `readinessProbe` and `livenessProbe` (httpGet, tcpSocket, grpc or exec) to every container of the DaemonSet.",
  },
  DaemonSet,
  (d) => d.spec?.template?.spec,
  probeConditions,
);
