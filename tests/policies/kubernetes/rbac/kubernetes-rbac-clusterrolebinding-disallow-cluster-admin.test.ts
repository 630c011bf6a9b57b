import { kubernetesRbacClusterRoleBindingDisallowClusterAdmin as policy } from "../../../../policies/kubernetes";
import { checkResource, unknown } from "../../harness";

const type = "kubernetes:rbac.authorization.k8s.io/v1:ClusterRoleBinding";
const c = "(Control ID: HIPAA 164.312(a)(1); GDPR Art. 32)";
const binding = (role: unknown, subjects?: unknown[]) => ({
  metadata: { name: "ops" },
  roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: role },
  ...(subjects ? { subjects } : {}),
});

describe("kubernetes-rbac-clusterrolebinding-disallow-cluster-admin", () => {
  it("passes a least-privilege role", async () => {
    expect(
      await checkResource(policy, {
        type,
        props: binding("view", [{ kind: "Group", name: "sre" }]),
      }),
    ).toEqual({ violations: [], indeterminate: false });
  });

  it("fails cluster-admin, naming the subjects", async () => {
    const out = await checkResource(policy, {
      type,
      props: binding("cluster-admin", [
        { kind: "Group", name: "sre" },
        { kind: "ServiceAccount", name: "ci" },
      ]),
    });
    expect(out.violations).toEqual([
      `The binding grants ClusterRole cluster-admin to Group sre, ServiceAccount ci; expected a least-privilege role. ${c}`,
    ]);
  });

  it("fails cluster-admin without subjects (absent)", async () => {
    expect(
      (await checkResource(policy, { type, props: binding("cluster-admin") })).violations,
    ).toEqual([
      `The binding grants ClusterRole cluster-admin to no subjects; expected a least-privilege role. ${c}`,
    ]);
  });

  it("uses privilegedRoles from config", async () => {
    expect(
      (
        await checkResource(
          policy,
          { type, props: binding("admin") },
          { privilegedRoles: ["cluster-admin", "admin"] },
        )
      ).violations,
    ).toHaveLength(1);
    expect((await checkResource(policy, { type, props: binding("admin") })).violations).toEqual([]);
  });

  it("is indeterminate when the role is unknown", async () => {
    expect(await checkResource(policy, { type, props: binding(unknown) })).toEqual({
      violations: [],
      indeterminate: true,
    });
  });
});
