/** Builds the restricted pod-security policy of one workload kind from where its pod spec sits. */
import type { ResourceValidationPolicy } from "@pulumi/policy";
import type { Resource } from "@pulumi/pulumi";
import { resourcePolicy } from "../../lib/define";
import { isUnknown } from "../../lib/conditions";
import {
  PodSecurityConfig,
  podSecurityConfigSchema,
  podSecurityFindings,
  Props,
} from "./pod-security";

export const podSecurityControls = ["hipaa:164.312(a)(1)", "gdpr:art32", "gdpr:art25"] as const;

export const podSecurityRemediation =
  "In the pod template set securityContext { runAsNonRoot: true, seccompProfile: { type: RuntimeDefault } } and on every container securityContext { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: [ALL] } } with resources.limits.cpu and memory; remove hostPath volumes and hostNetwork/hostPID/hostIPC.";

export function workloadPodSecurityPolicy<TArgs>(
  name: string,
  kind: string,
  resourceClass: Parameters<typeof resourcePolicy<Resource, TArgs>>[1],
  podSpec: (props: Props) => Props | undefined,
): ResourceValidationPolicy {
  return resourcePolicy(
    {
      name,
      description: `${kind} pod specs must meet the Pod Security Standards restricted profile and set resource limits.`,
      severity: "high",
      controls: [...podSecurityControls],
      remediationSteps: podSecurityRemediation,
      configSchema: podSecurityConfigSchema,
    },
    resourceClass,
    (props, { args, report }) => {
      // Each host field, volume list and container is judged on its own: an unknown value in one hides no
      // finding in another, and the policy is still reported indeterminate afterwards.
      let unknown: unknown;
      const guard = (check: () => void) => {
        try {
          check();
        } catch (err) {
          if (!isUnknown(err)) {
            throw err;
          }
          unknown ??= err;
        }
      };
      let pod: Props | undefined;
      guard(() => {
        pod = podSpec(props as Props);
      });
      if (unknown === undefined) {
        for (const finding of podSecurityFindings(
          pod,
          args.getConfig<PodSecurityConfig>(),
          guard,
        )) {
          report(finding);
        }
      }
      if (unknown !== undefined) {
        throw unknown;
      }
    },
  );
}
