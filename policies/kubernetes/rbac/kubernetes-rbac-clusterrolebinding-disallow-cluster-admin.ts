import { ClusterRoleBinding } from "@pulumi/kubernetes/rbac/v1";
import { resourcePolicy } from "../../lib/define";

interface Config {
  privilegedRoles?: string[];
}

const defaultPrivilegedRoles = ["cluster-admin"];

/**
 * cluster-admin grants every verb on every resource of the cluster, secrets of PHI workloads included; bound to a
 * user, group or service account it defeats least privilege and every namespace boundary.
 * @severity critical
 * @controls hipaa:164.312(a)(1), gdpr:art32
 */
export const kubernetesRbacClusterRoleBindingDisallowClusterAdmin = resourcePolicy(
  {
    name: "kubernetes-rbac-clusterrolebinding-disallow-cluster-admin",
    description:
      "ClusterRoleBindings must not bind cluster-admin (or other configured all-powerful roles).",
    severity: "critical",
    controls: ["hipaa:164.312(a)(1)", "gdpr:art32"],
    remediationSteps:
      "Bind a ClusterRole or namespaced Role limited to the verbs and resources the subject needs; keep break-glass cluster-admin access outside the program, time-bound and audited.",
    configSchema: {
      properties: {
        privilegedRoles: {
          type: "array",
          items: { type: "string" },
          default: defaultPrivilegedRoles,
          description: "ClusterRoles that must not be bound.",
        },
      },
    },
  },
  ClusterRoleBinding,
  (binding, { args, report }) => {
    const privileged = args.getConfig<Config>().privilegedRoles ?? defaultPrivilegedRoles;
    const role = binding.roleRef?.name;
    if (binding.roleRef?.kind === "ClusterRole" && privileged.includes(role)) {
      const subjects =
        (binding.subjects ?? []).map((s) => `${s.kind} ${s.name}`).join(", ") || "no subjects";
      report(
        `The binding grants ClusterRole ${role} to ${subjects}; expected a least-privilege role.`,
      );
    }
  },
);
