import { Namespace } from "@pulumi/kubernetes/core/v1";
import { resourcePolicy } from "../../lib/define";

const levels = ["privileged", "baseline", "restricted"];
const enforceLabel = "pod-security.kubernetes.io/enforce";

interface Config {
  minimumLevel?: string;
}

/**
 * The Pod Security admission controller enforces a profile only in namespaces labelled for it; the label makes the
 * cluster reject non-compliant pods that the pack never sees (created by operators, Helm hooks or kubectl).
 * @severity high
 * @controls hipaa:164.312(a)(1), gdpr:art25, gdpr:art32
 */
export const kubernetesCoreNamespaceEnforcePodSecurityLabel = resourcePolicy(
  {
    name: "kubernetes-core-namespace-enforce-pod-security-label",
    description: "Namespaces must be labelled pod-security.kubernetes.io/enforce: restricted.",
    severity: "high",
    controls: ["hipaa:164.312(a)(1)", "gdpr:art25", "gdpr:art32"],
    remediationSteps:
      'Set metadata.labels { "pod-security.kubernetes.io/enforce": "restricted", "pod-security.kubernetes.io/enforce-version": "latest" } on the Namespace.',
    configSchema: {
      properties: {
        minimumLevel: {
          type: "string",
          enum: ["baseline", "restricted"],
          default: "restricted",
          description: "The least strict Pod Security level a namespace may enforce.",
        },
      },
    },
  },
  Namespace,
  (namespace, { args, report }) => {
    const minimum = args.getConfig<Config>().minimumLevel ?? "restricted";
    const level: string | undefined = namespace.metadata?.labels?.[enforceLabel];
    if (level === undefined) {
      report(
        `The namespace has no ${enforceLabel} label, so Pod Security admission enforces nothing; expected ${minimum}.`,
      );
    } else if (levels.indexOf(level) < levels.indexOf(minimum)) {
      report(
        `The namespace enforces Pod Security level ${JSON.stringify(level)}; expected ${minimum}.`,
      );
    }
  },
);
