import { ReplicaSet } from "@pulumi/kubernetes/apps/v1";
import { probeConditions, podPolicy } from "../lib/containers";

/**
 * Without probes a hung replica of the ReplicaSet keeps receiving traffic and is never restarted, so clinical
 * services degrade silently (Checkov CKV_K8S_8/9).
 * @severity low
 * @controls hipaa:164.308(a)(7)
 */
export const kubernetesAppsReplicaSetConfigureProbes = podPolicy(
  {
    name: "kubernetes-apps-replicaset-configure-probes",
    description: "ReplicaSet containers must declare readiness and liveness probes.",
    severity: "low",
    controls: ["hipaa:164.308(a)(7)"],
    remediationSteps:
      "Add `readinessProbe` and `livenessProbe` (httpGet, tcpSocket, grpc or exec) to every container of the ReplicaSet.",
  },
  ReplicaSet,
  (d) => d.spec?.template?.spec,
  probeConditions,
);
