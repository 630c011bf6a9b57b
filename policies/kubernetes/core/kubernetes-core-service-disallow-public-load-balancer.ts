import { Service } from "@pulumi/kubernetes/core/v1";
import { resourcePolicy } from "../../lib/define";
import { checkEach, isAnyAddress } from "../../lib/conditions";

/** Annotations that make each cloud's controller build an internal load balancer, with the values that do so. */
export const internalAnnotations: Readonly<Record<string, readonly string[]>> = {
  "cloud.google.com/load-balancer-type": ["internal"],
  "networking.gke.io/load-balancer-type": ["internal"],
  "service.beta.kubernetes.io/aws-load-balancer-internal": ["true"],
  "service.beta.kubernetes.io/aws-load-balancer-scheme": ["internal"],
  "service.beta.kubernetes.io/azure-load-balancer-internal": ["true"],
};

/** The annotation form of spec.loadBalancerSourceRanges, honoured by the AWS, GKE and AKS controllers. */
const sourceRangesAnnotation = "service.beta.kubernetes.io/load-balancer-source-ranges";

interface Config {
  additionalInternalAnnotations?: Record<string, string>;
}

/**
 * A Service of type LoadBalancer gets an internet-facing load balancer on every cloud unless it carries that
 * cloud's internal annotation, which would put a PHI workload on the internet without anyone writing "public".
 * @severity critical
 * @controls hipaa:164.312(e)(1), hipaa:164.312(a)(1), gdpr:art32
 */
export const kubernetesCoreServiceDisallowPublicLoadBalancer = resourcePolicy(
  {
    name: "kubernetes-core-service-disallow-public-load-balancer",
    description:
      "Services of type LoadBalancer must be internal (the cloud's annotation) or restricted to named source ranges.",
    severity: "critical",
    controls: ["hipaa:164.312(e)(1)", "hipaa:164.312(a)(1)", "gdpr:art32"],
    remediationSteps:
      'Annotate the Service with cloud.google.com/load-balancer-type: "Internal" (GKE), service.beta.kubernetes.io/aws-load-balancer-scheme: "internal" (EKS) or service.beta.kubernetes.io/azure-load-balancer-internal: "true" (AKS), or list the client CIDRs in `spec.loadBalancerSourceRanges`, or use type ClusterIP behind an internal ingress.',
    configSchema: {
      properties: {
        additionalInternalAnnotations: {
          type: "object",
          additionalProperties: { type: "string" },
          default: {},
          description:
            "Further annotation: value pairs that make a load balancer internal (other clouds or controllers).",
        },
      },
    },
  },
  Service,
  (service, { args, report }) =>
    checkEach(report, [
      () => {
        if (service.spec?.type !== "LoadBalancer") {
          return undefined;
        }
        const extra = args.getConfig<Config>().additionalInternalAnnotations ?? {};
        const accepted: Record<string, readonly string[]> = { ...internalAnnotations };
        for (const [key, value] of Object.entries(extra)) {
          accepted[key] = [...(accepted[key] ?? []), value.toLowerCase()];
        }
        const annotations: Record<string, string> = service.metadata?.annotations ?? {};
        const internal = Object.entries(accepted).some(([key, values]) =>
          values.includes(String(annotations[key] ?? "").toLowerCase()),
        );
        if (internal) {
          return undefined;
        }
        const ranges = [
          ...(service.spec.loadBalancerSourceRanges ?? []),
          ...String(annotations[sourceRangesAnnotation] ?? "")
            .split(",")
            .map((r) => r.trim())
            .filter((r) => r !== ""),
        ];
        if (ranges.length > 0 && !ranges.some(isAnyAddress)) {
          return undefined;
        }
        const subject = service.metadata?.name ? `Service ${service.metadata.name}` : "The Service";
        return ranges.length > 0
          ? `${subject} is of type LoadBalancer with source ranges ${ranges.join(", ")}, which include the whole internet; expected named source ranges or an internal load balancer annotation.`
          : `${subject} is of type LoadBalancer without an internal load balancer annotation or loadBalancerSourceRanges, so it is exposed to the internet; expected one of ${Object.keys(accepted).join(", ")}, or named source ranges.`;
      },
    ]),
);
