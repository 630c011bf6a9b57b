import { podSecurityFindings } from "../../../../policies/kubernetes/lib/pod-security";
import { restrictedContainer, restrictedPod } from "../pod-fixtures";

describe("podSecurityFindings (restricted profile)", () => {
  it("finds nothing in a restricted pod", () => {
    expect(podSecurityFindings(restrictedPod())).toEqual([]);
  });

  it("flags host namespaces and hostPath volumes", () => {
    const pod = restrictedPod({
      hostNetwork: true,
      hostPID: true,
      hostIPC: true,
      volumes: [{ name: "docker", hostPath: { path: "/var/run/docker.sock" } }],
    });
    expect(podSecurityFindings(pod)).toEqual([
      "spec.hostNetwork is true; the pod must not share the node's namespaces.",
      "spec.hostPID is true; the pod must not share the node's namespaces.",
      "spec.hostIPC is true; the pod must not share the node's namespaces.",
      "Volume docker mounts hostPath /var/run/docker.sock; use a PersistentVolumeClaim, configMap, secret or emptyDir.",
    ]);
  });

  it("flags host ports, and accepts hostPort 0 (unset) as the near miss", () => {
    const bound = restrictedContainer("gateway", {
      ports: [{ containerPort: 8080, hostPort: 8080 }, { containerPort: 9090 }],
    });
    expect(podSecurityFindings(restrictedPod({ containers: [bound] }))).toEqual([
      "Container gateway binds host port 8080 on the node; remove hostPort and expose the pod through a Service.",
    ]);
    const unbound = restrictedContainer("gateway", {
      ports: [{ containerPort: 8080, hostPort: 0 }],
    });
    expect(podSecurityFindings(restrictedPod({ containers: [unbound] }))).toEqual([]);
  });

  it("lets the container override the pod's runAsNonRoot and seccomp", () => {
    const c = restrictedContainer("app", {
      securityContext: {
        ...restrictedContainer().securityContext,
        runAsNonRoot: false,
        seccompProfile: { type: "Unconfined" },
      },
    });
    expect(podSecurityFindings(restrictedPod({ containers: [c] }))).toEqual([
      "Container app may run as root; set runAsNonRoot: true on the pod or container securityContext.",
      "Container app has seccompProfile Unconfined; set seccompProfile.type: RuntimeDefault on the pod or container.",
    ]);
  });

  it("checks init containers, and ephemeral containers without resource limits", () => {
    const bare = { name: "debug", image: "busybox" };
    const findings = podSecurityFindings(
      restrictedPod({ initContainers: [{ ...bare, name: "init" }], ephemeralContainers: [bare] }),
    );
    expect(findings.filter((f) => f.startsWith("Container init"))).toHaveLength(4);
    expect(findings.filter((f) => f.startsWith("Container debug"))).toHaveLength(3);
  });

  it("accepts NET_BIND_SERVICE by default and configured capabilities and limits", () => {
    const c = restrictedContainer("app", {
      securityContext: {
        ...restrictedContainer().securityContext,
        capabilities: { drop: ["ALL"], add: ["NET_BIND_SERVICE", "NET_RAW"] },
      },
      resources: {},
    });
    expect(podSecurityFindings(restrictedPod({ containers: [c] }))).toEqual([
      "Container app adds capabilities NET_RAW; only NET_BIND_SERVICE may be added.",
      "Container app sets no cpu or memory limit; set resources.limits.cpu and resources.limits.memory.",
    ]);
    expect(
      podSecurityFindings(restrictedPod({ containers: [c] }), {
        allowedCapabilities: ["NET_BIND_SERVICE", "NET_RAW"],
        requireResourceLimits: false,
      }),
    ).toEqual([]);
  });

  it("reports a missing pod spec", () => {
    expect(podSecurityFindings(undefined)).toEqual([
      "It defines no pod spec, so its pod security cannot be verified.",
    ]);
  });
});
