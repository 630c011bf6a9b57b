import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";

/** Pod Security admission labels: enforce, audit and warn at "restricted", on the latest policy version. */
export const restrictedPodSecurityLabels: Readonly<Record<string, string>> = {
  "pod-security.kubernetes.io/enforce": "restricted",
  "pod-security.kubernetes.io/enforce-version": "latest",
  "pod-security.kubernetes.io/audit": "restricted",
  "pod-security.kubernetes.io/audit-version": "latest",
  "pod-security.kubernetes.io/warn": "restricted",
  "pod-security.kubernetes.io/warn-version": "latest",
};

export interface SecureNamespaceArgs {
  /** The namespace's name (a Kubernetes name: lowercase letters, digits and hyphens). */
  readonly namespace: string;
  /** Further labels, for example the one other namespaces' policies select callers by. @default none */
  readonly labels?: Readonly<Record<string, string>>;
}

/**
 * A namespace where Pod Security admission rejects anything below the "restricted" profile, and where no pod
 * talks to anything until a policy says so: a default-deny NetworkPolicy for ingress and egress over every pod, and
 * one allowing DNS to kube-dns only. Workloads add their own narrow allows.
 */
export class SecureNamespace extends pulumi.ComponentResource {
  public readonly name: pulumi.Output<string>;

  constructor(name: string, args: SecureNamespaceArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super("mediconnect:kubernetes:SecureNamespace", name, {}, opts);
    if (!/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/.test(args.namespace)) {
      throw new Error(
        `SecureNamespace ${name}: [namespace] must be a Kubernetes name (lowercase letters, digits and hyphens, at most 63), received ${JSON.stringify(args.namespace)}`,
      );
    }
    const clash = Object.keys(args.labels ?? {}).filter((k) => k in restrictedPodSecurityLabels);
    if (clash.length > 0) {
      throw new Error(
        `SecureNamespace ${name}: [labels] must not override the Pod Security labels, received ${clash.join(", ")}`,
      );
    }
    const namespace = new k8s.core.v1.Namespace(
      `${name}-namespace`,
      {
        metadata: {
          name: args.namespace,
          labels: { ...args.labels, ...restrictedPodSecurityLabels },
        },
      },
      { parent: this },
    );
    const ns = namespace.metadata.name;
    new k8s.networking.v1.NetworkPolicy(
      `${name}-default-deny`,
      {
        metadata: { name: "default-deny-all", namespace: ns },
        spec: { podSelector: {}, policyTypes: ["Ingress", "Egress"] },
      },
      { parent: this },
    );
    new k8s.networking.v1.NetworkPolicy(
      `${name}-allow-dns`,
      {
        metadata: { name: "allow-dns-egress", namespace: ns },
        spec: {
          podSelector: {},
          policyTypes: ["Egress"],
          egress: [
            {
              to: [
                {
                  namespaceSelector: {
                    matchLabels: { "kubernetes.io/metadata.name": "kube-system" },
                  },
                  podSelector: { matchLabels: { "k8s-app": "kube-dns" } },
                },
              ],
              ports: [
                { protocol: "UDP", port: 53 },
                { protocol: "TCP", port: 53 },
              ],
            },
          ],
        },
      },
      { parent: this },
    );
    this.name = ns;
    this.registerOutputs({ name: this.name });
  }
}
