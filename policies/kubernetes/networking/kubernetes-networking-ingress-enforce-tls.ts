import { Ingress } from "@pulumi/kubernetes/networking/v1";
import { resourcePolicy } from "../../lib/define";

/**
 * An Ingress serves every host in its rules; a host not listed under spec.tls is served over plain HTTP, so PHI
 * (and bearer tokens) would cross the network unencrypted.
 * @severity high
 * @controls hipaa:164.312(e)(2)(ii), hipaa:164.312(e)(1), gdpr:art32
 */
export const kubernetesNetworkingIngressEnforceTls = resourcePolicy(
  {
    name: "kubernetes-networking-ingress-enforce-tls",
    description: "Every host an Ingress serves must be covered by its spec.tls.",
    severity: "high",
    controls: ["hipaa:164.312(e)(2)(ii)", "hipaa:164.312(e)(1)", "gdpr:art32"],
    remediationSteps:
      "Add spec.tls [{ hosts: [<every rule host>], secretName: <certificate secret> }] (for example issued by cert-manager) and redirect HTTP to HTTPS in the ingress controller.",
  },
  Ingress,
  (ingress, { report }) => {
    const tlsHosts = new Set((ingress.spec?.tls ?? []).flatMap((t) => t.hosts ?? []));
    const rules = ingress.spec?.rules ?? [];
    if ((ingress.spec?.tls ?? []).length === 0) {
      report(
        "The Ingress has no spec.tls, so it serves plain HTTP; expected a TLS entry covering every host.",
      );
      return;
    }
    const uncovered = rules.map((r) => r.host ?? "*").filter((h) => !tlsHosts.has(h));
    if (uncovered.length > 0) {
      report(
        `Hosts ${uncovered.join(", ")} are not covered by spec.tls; expected every rule host in a TLS entry.`,
      );
    }
  },
);
