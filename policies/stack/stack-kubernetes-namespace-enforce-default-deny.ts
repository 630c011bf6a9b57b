import type { PolicyResource } from "@pulumi/policy";
import { stackPolicy } from "../lib/define";
import { kubernetes } from "./lib/types";
import { ofType, props, Props, judgeEach } from "./lib/resources";

/** True when the policy selects every pod of its namespace and denies all ingress it does not allow. */
function isDefaultDeny(policy: PolicyResource): boolean {
  const spec: Props = props(policy).spec ?? {};
  const selector: Props = spec.podSelector ?? {};
  const selectsAll =
    Object.keys(selector.matchLabels ?? {}).length === 0 &&
    (selector.matchExpressions ?? []).length === 0;
  const types: unknown[] = spec.policyTypes ?? [];
  return selectsAll && types.includes("Ingress") && (spec.ingress ?? []).length === 0;
}

function inNamespace(policy: PolicyResource, namespace: PolicyResource): boolean {
  const namespaces = (policy.propertyDependencies?.["metadata"] ?? []).filter(
    (d) => d.type === kubernetes.namespace,
  );
  if (namespaces.length > 0) {
    // A dependency on a Namespace decides without reading a name that may not be known yet.
    return namespaces.some((d) => d.urn === namespace.urn);
  }
  return props(policy).metadata?.namespace === props(namespace).metadata?.name;
}

/**
 * Kubernetes lets every pod talk to every other pod until a NetworkPolicy selects it; a namespace without a
 * default-deny policy leaves PHI workloads reachable from any compromised pod in the cluster. Every Namespace in the
 * stack needs a NetworkPolicy with `podSelector: {}`, `policyTypes` including Ingress and no ingress rules, so only
 * traffic that other policies allow explicitly gets through.
 * @severity high
 * @controls hipaa:164.312(a)(1), hipaa:164.312(e)(1), gdpr:art32
 */
export const stackKubernetesNamespaceEnforceDefaultDeny = stackPolicy(
  {
    name: "stack-kubernetes-namespace-enforce-default-deny",
    description:
      "Every Kubernetes Namespace must have a default-deny ingress NetworkPolicy (podSelector {} with policyTypes Ingress).",
    severity: "high",
    controls: ["hipaa:164.312(a)(1)", "hipaa:164.312(e)(1)", "gdpr:art32"],
    remediationSteps:
      'Add `new k8s.networking.v1.NetworkPolicy(name, { metadata: { namespace: ns.metadata.name }, spec: { podSelector: {}, policyTypes: ["Ingress", "Egress"] } })` and allow the needed flows with further policies.',
  },
  ({ args, report }) => {
    const policies = ofType(args.resources, kubernetes.networkPolicy);
    judgeEach(ofType(args.resources, kubernetes.namespace), (namespace) => {
      const candidates = policies.filter((p) => inNamespace(p, namespace));
      if (!candidates.some(isDefaultDeny)) {
        const found =
          candidates.length === 0
            ? "no NetworkPolicy"
            : `NetworkPolicies ${candidates.map((p) => p.name).join(", ")}, none of them default-deny`;
        report(
          `Namespace ${namespace.name} has ${found}; expected a NetworkPolicy with podSelector {} and policyTypes including Ingress, without ingress rules.`,
          namespace.urn,
        );
      }
    });
  },
);
