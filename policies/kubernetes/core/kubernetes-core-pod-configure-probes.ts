import { Pod } from "@pulumi/kubernetes/core/v1";
import { probeConditions, podPolicy } from "../lib/containers";

/**
 * Without probes a hung replica of the Pod keeps receiving traffic and is never restarted, so clinical services
 * degrade silently (Checkov CKV_K8S_8/9).
 * @severity low
 * @controls hipaa:164.308(a)(7)
 */
export const kubernetesCorePodConfigureProbes = podPolicy(
  {
    name: "kubernetes-core-pod-configure-probes",
    description: "Pod containers must declare readiness and liveness probes.",
    severity: "low",
    controls: ["hipaa:164.308(a)(7)"],
    remediationSteps:
      "Add `readinessProbe` and `livenessProbe` (httpGet, tcpSocket, grpc or exec) to every container of the Pod.",
  },
  Pod,
  (d) => d.spec,
  probeConditions,
);
