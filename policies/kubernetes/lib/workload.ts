/** Builds the restricted pod-security policy of one workload kind from where its pod spec sits. */
import type { ResourceValidationPolicy } from "@pulumi/policy";
import type { Resource } from "@pulumi/pulumi";
import { resourcePolicy } from "../../lib/define";
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
      for (const finding of podSecurityFindings(
        podSpec(props as Props),
        args.getConfig<PodSecurityConfig>(),
      )) {
        report(finding);
      }
    },
  );
}
