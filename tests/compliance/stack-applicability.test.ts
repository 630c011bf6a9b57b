/**
 * Stack policies that found nothing to check report not-applicable, never a vacuous pass (policies/lib/define.ts
 * stackPolicy: no finding and no resource property read means nothing was examined).
 */
import {
  stackAuditLogConfigureRetention,
  stackKubernetesNamespaceEnforceDefaultDeny,
} from "../../policies/stack";
import { checkStack } from "../policies/harness";
import { resource } from "../policies/stack/fixtures";

const nothingToCheck = "No resource this policy checks is in the stack.";
const namespace = resource("kubernetes:core/v1:Namespace", "fhir", { metadata: { name: "fhir" } });
const denyAll = resource("kubernetes:networking.k8s.io/v1:NetworkPolicy", "deny", {
  metadata: { name: "deny", namespace: "fhir" },
  spec: { podSelector: {}, policyTypes: ["Ingress", "Egress"] },
});
const logGroup = resource("aws:cloudwatch/logGroup:LogGroup", "app", {
  name: "app",
  retentionInDays: 2192,
});

describe("stack policies and applicability", () => {
  it("is not applicable on a stack without the resources it checks", async () => {
    expect(await checkStack(stackKubernetesNamespaceEnforceDefaultDeny, [logGroup])).toEqual({
      violations: [],
      byUrn: [],
      notApplicable: nothingToCheck,
      indeterminate: false,
    });
    // Log groups alone are only what trails are matched against: with no trail, nothing is checked.
    expect((await checkStack(stackAuditLogConfigureRetention, [logGroup])).notApplicable).toBe(
      nothingToCheck,
    );
  });

  it("passes (applicable, no finding) when it examined a resource and found it compliant", async () => {
    expect(
      await checkStack(stackKubernetesNamespaceEnforceDefaultDeny, [namespace, denyAll]),
    ).toEqual({
      violations: [],
      byUrn: [],
      indeterminate: false,
    });
  });

  it("fails when it examined a resource and found it non-compliant", async () => {
    const out = await checkStack(stackKubernetesNamespaceEnforceDefaultDeny, [namespace]);
    expect(out.notApplicable).toBeUndefined();
    expect(out.byUrn.map((v) => v.urn)).toEqual([namespace.urn]);
  });
});
