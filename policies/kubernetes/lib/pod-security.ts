/**
 * The Pod Security Standards "restricted" profile (which includes the baseline's host namespaces, hostPath volumes
 * and host ports; plus resource limits) as one checker that every workload policy
 * shares: a Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob and Pod differ only in where their pod spec
 * sits. https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted
 */
import type { PolicyConfigSchema } from "@pulumi/policy";

/** Pod specs are read as plain JSON: inputs of seven resource kinds share this checker. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Props = Record<string, any>;

export interface PodSecurityConfig {
  /** Capabilities containers may add back after dropping ALL (the restricted profile allows NET_BIND_SERVICE). */
  readonly allowedCapabilities?: string[];
  /** Require CPU and memory limits on every container. */
  readonly requireResourceLimits?: boolean;
}

export const podSecurityConfigSchema: PolicyConfigSchema = {
  properties: {
    allowedCapabilities: {
      type: "array",
      items: { type: "string" },
      default: ["NET_BIND_SERVICE"],
      description: "Capabilities a container may add after dropping ALL.",
    },
    requireResourceLimits: {
      type: "boolean",
      default: true,
      description: "Require resources.limits.cpu and resources.limits.memory on every container.",
    },
  },
};

const allowedSeccomp = ["RuntimeDefault", "Localhost"];

/** Every finding of the restricted profile on one pod spec, each a sentence naming the container or field. */
export function podSecurityFindings(
  pod: Props | undefined,
  config: PodSecurityConfig = {},
  guard: (check: () => void) => void = (check) => check(),
): string[] {
  if (pod === undefined) {
    return ["It defines no pod spec, so its pod security cannot be verified."];
  }
  const allowedCapabilities = config.allowedCapabilities ?? ["NET_BIND_SERVICE"];
  const requireLimits = config.requireResourceLimits ?? true;
  const findings: string[] = [];
  for (const field of ["hostNetwork", "hostPID", "hostIPC"]) {
    guard(() => {
      if (pod[field] === true) {
        findings.push(`spec.${field} is true; the pod must not share the node's namespaces.`);
      }
    });
  }
  guard(() => {
    for (const volume of (pod.volumes ?? []) as Props[]) {
      if (volume.hostPath !== undefined) {
        findings.push(
          `Volume ${volume.name} mounts hostPath ${volume.hostPath?.path}; use a PersistentVolumeClaim, configMap, secret or emptyDir.`,
        );
      }
    }
  });
  let podContext: Props = {};
  guard(() => {
    podContext = pod.securityContext ?? {};
  });
  const groups: [string, boolean][] = [
    ["containers", true],
    ["initContainers", true],
    ["ephemeralContainers", false],
  ];
  for (const [group, hasResources] of groups) {
    let list: Props[] = [];
    guard(() => {
      list = (pod[group] ?? []) as Props[];
    });
    for (const container of list) {
      guard(() => {
        const at = `Container ${container.name}`;
        const sc: Props = container.securityContext ?? {};
        if (sc.privileged === true) {
          findings.push(`${at} is privileged; set securityContext.privileged: false.`);
        }
        if (sc.allowPrivilegeEscalation !== false) {
          findings.push(
            `${at} allows privilege escalation; set securityContext.allowPrivilegeEscalation: false.`,
          );
        }
        const nonRoot = sc.runAsNonRoot ?? podContext.runAsNonRoot;
        if (nonRoot !== true) {
          findings.push(
            `${at} may run as root; set runAsNonRoot: true on the pod or container securityContext.`,
          );
        }
        if ((sc.runAsUser ?? podContext.runAsUser) === 0) {
          findings.push(`${at} runs as user 0 (root); set a non-zero runAsUser.`);
        }
        if (sc.readOnlyRootFilesystem !== true) {
          findings.push(
            `${at} has a writable root filesystem; set securityContext.readOnlyRootFilesystem: true.`,
          );
        }
        const drop: string[] = sc.capabilities?.drop ?? [];
        if (!drop.includes("ALL")) {
          findings.push(
            `${at} does not drop ALL capabilities; set securityContext.capabilities.drop: ["ALL"].`,
          );
        }
        const added = ((sc.capabilities?.add ?? []) as string[]).filter(
          (c) => !allowedCapabilities.includes(c),
        );
        if (added.length > 0) {
          findings.push(
            `${at} adds capabilities ${added.join(", ")}; only ${allowedCapabilities.join(", ") || "none"} may be added.`,
          );
        }
        const hostPorts = ((container.ports ?? []) as Props[])
          .map((port) => port.hostPort)
          .filter((port) => port !== undefined && port !== null && port !== 0);
        if (hostPorts.length > 0) {
          findings.push(
            `${at} binds host port ${hostPorts.join(", ")} on the node; remove hostPort and expose the pod through a Service.`,
          );
        }
        const seccomp = sc.seccompProfile?.type ?? podContext.seccompProfile?.type;
        if (!allowedSeccomp.includes(seccomp)) {
          findings.push(
            `${at} has seccompProfile ${seccomp === undefined ? "not set" : seccomp}; set seccompProfile.type: RuntimeDefault on the pod or container.`,
          );
        }
        if (requireLimits && hasResources) {
          const limits: Props = container.resources?.limits ?? {};
          const missing = ["cpu", "memory"].filter((r) => limits[r] === undefined);
          if (missing.length > 0) {
            findings.push(
              `${at} sets no ${missing.join(" or ")} limit; set resources.limits.cpu and resources.limits.memory.`,
            );
          }
        }
      });
    }
  }
  return findings;
}
