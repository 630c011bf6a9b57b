/**
 * Container-level checks every workload kind shares (secrets in env, service account tokens, image pinning,
 * probes), each finding judged on its own so that an unknown value in one container hides nothing in another.
 */
import type { PolicyConfigSchema, ResourceValidationPolicy } from "@pulumi/policy";
import type { Resource } from "@pulumi/pulumi";
import { resourcePolicy } from "../../lib/define";
import { checkEach, Condition } from "../../lib/conditions";
import { isLiteralSecret, secretValueKind } from "../../lib/secret-values";
import type { Props } from "./pod-security";

/** The containers and init containers of a pod spec, each with a label for messages. */
function containersOf(pod: Props): [string, Props][] {
  return (["initContainers", "containers"] as const).flatMap((group) =>
    ((pod[group] ?? []) as Props[]).map((c): [string, Props] => [`Container ${c.name}`, c]),
  );
}

export type PodCheck = (pod: Props, config: Record<string, unknown>) => Condition[];

/** Literal env values that are secrets by shape, or literals under a secret's name; secretKeyRef passes. */
export const secretEnvConditions: PodCheck = (pod) =>
  containersOf(pod).flatMap(([at, c]) =>
    ((c.env ?? []) as Props[]).map((e) => () => {
      if (e.value === undefined || e.value === null) {
        return undefined;
      }
      if (isLiteralSecret(String(e.name), e.value)) {
        return `${at} env ${e.name} is named like a secret and holds a literal value; expected valueFrom.secretKeyRef.`;
      }
      const kind = typeof e.value === "string" ? secretValueKind(e.value) : undefined;
      return kind === undefined
        ? undefined
        : `${at} env ${e.name} holds what looks like ${kind}; expected valueFrom.secretKeyRef.`;
    }),
  );

/** The pod must opt out of the API token Kubernetes mounts by default. */
export const tokenAutomountConditions: PodCheck = (pod) => [
  () =>
    pod.automountServiceAccountToken === false
      ? undefined
      : `spec.automountServiceAccountToken is ${pod.automountServiceAccountToken === undefined ? "not set (Kubernetes mounts the token by default)" : JSON.stringify(pod.automountServiceAccountToken)}; expected false, or a projected token volume where the API is needed.`,
];

export const imagePinningSchema: PolicyConfigSchema = {
  properties: {
    requireDigest: {
      type: "boolean",
      default: true,
      description:
        "Require an @sha256 digest; when false, an explicit tag other than latest is accepted.",
    },
  },
};

/** Images pinned by digest (or, when allowed, by an explicit tag other than latest). */
export const imagePinningConditions: PodCheck = (pod, config) =>
  containersOf(pod).map(([at, c]) => () => {
    const image = String(c.image ?? "");
    if (/@sha256:[0-9a-f]{64}$/.test(image)) {
      return undefined;
    }
    const lastPart = image.slice(image.lastIndexOf("/") + 1);
    const tag = lastPart.includes(":") ? lastPart.slice(lastPart.indexOf(":") + 1) : undefined;
    if (config.requireDigest === false && tag !== undefined && tag !== "latest") {
      return undefined;
    }
    return `${at} image ${JSON.stringify(image)} is not pinned${tag === undefined ? " (no tag means latest)" : ""}; expected image@sha256:<digest>.`;
  });

/** Long-running containers must declare readiness and liveness probes. */
export const probeConditions: PodCheck = (pod) =>
  ((pod.containers ?? []) as Props[]).flatMap((c) =>
    (["readinessProbe", "livenessProbe"] as const).map(
      (probe) => () =>
        c[probe] === undefined || c[probe] === null
          ? `Container ${c.name} sets no ${probe}; expected one so unhealthy replicas stop receiving traffic and restart.`
          : undefined,
    ),
  );

export interface ContainerPolicySpec {
  readonly name: string;
  readonly description: string;
  readonly severity: "low" | "medium" | "high" | "critical";
  readonly controls: readonly [string, ...string[]];
  readonly remediationSteps: string;
  readonly configSchema?: PolicyConfigSchema;
}

/** A policy on one workload kind running `conditions` on its pod spec. */
export function podPolicy<TArgs>(
  spec: ContainerPolicySpec,
  resourceClass: Parameters<typeof resourcePolicy<Resource, TArgs>>[1],
  podSpec: (props: Props) => Props | undefined,
  conditions: PodCheck,
): ResourceValidationPolicy {
  return resourcePolicy(spec, resourceClass, (props, { args, report }) => {
    const pod = podSpec(props as Props);
    if (pod === undefined) {
      return;
    }
    const config = { ...args.getConfig<Record<string, unknown>>() };
    checkEach(report, conditions(pod, config));
  });
}
