import { stackKubernetesNamespaceEnforceDefaultDeny as policy } from "../../../policies/stack";
import { checkStack, unknown } from "../harness";
import { controls, resource } from "./fixtures";

const c = controls.defaultDeny;
const namespace = (name: string) =>
  resource("kubernetes:core/v1:Namespace", name, {
    metadata: { name, labels: { "pod-security.kubernetes.io/enforce": "restricted" } },
  });
const netpol = (
  name: string,
  ns: unknown,
  spec: Record<string, unknown>,
  deps?: Record<string, string[]>,
) =>
  resource(
    "kubernetes:networking.k8s.io/v1:NetworkPolicy",
    name,
    { metadata: { name, namespace: ns }, spec },
    deps,
  );
const denyAll = { podSelector: {}, policyTypes: ["Ingress", "Egress"] };

describe("stack-kubernetes-namespace-enforce-default-deny", () => {
  it("passes namespaces with a default-deny policy (by name and by dependency)", async () => {
    const ns2 = namespace("vitals");
    const out = await checkStack(policy, [
      namespace("fhir-gateway"),
      netpol("deny", "fhir-gateway", denyAll),
      ns2,
      netpol(
        "deny-vitals",
        unknown,
        { podSelector: {}, policyTypes: ["Ingress"] },
        { metadata: [ns2.urn] },
      ),
    ]);
    expect(out).toEqual({ violations: [], byUrn: [], indeterminate: false });
  });

  it("reports namespaces whose policies select some pods or allow ingress", async () => {
    const ns = namespace("fhir-gateway");
    const out = await checkStack(policy, [
      ns,
      netpol("web", "fhir-gateway", {
        podSelector: { matchLabels: { app: "web" } },
        policyTypes: ["Ingress"],
      }),
      netpol("allow-all", "fhir-gateway", {
        podSelector: {},
        policyTypes: ["Ingress"],
        ingress: [{}],
      }),
    ]);
    expect(out.byUrn).toEqual([
      {
        urn: ns.urn,
        message: `Namespace fhir-gateway has NetworkPolicies web, allow-all, none of them default-deny; expected a NetworkPolicy with podSelector {} and policyTypes including Ingress, without ingress rules. ${c}`,
      },
    ]);
  });

  it("reports a namespace with no policy (absent), including an egress-only one", async () => {
    const ns = namespace("jobs");
    expect((await checkStack(policy, [ns])).violations).toEqual([
      `Namespace jobs has no NetworkPolicy; expected a NetworkPolicy with podSelector {} and policyTypes including Ingress, without ingress rules. ${c}`,
    ]);
    expect(
      (
        await checkStack(policy, [
          ns,
          netpol("egress", "jobs", { podSelector: {}, policyTypes: ["Egress"] }),
        ])
      ).violations,
    ).toHaveLength(1);
  });

  it("has no threshold: configuration does not exempt namespaces", async () => {
    expect(
      (await checkStack(policy, [namespace("jobs")], { unlabelledIsPhi: false })).violations,
    ).toHaveLength(1);
  });

  it("is indeterminate when a policy's namespace is unknown and no dependency decides", async () => {
    expect(
      await checkStack(policy, [namespace("jobs"), netpol("deny", unknown, denyAll)]),
    ).toMatchObject({ violations: [], indeterminate: true });
  });
});
