/** The offline runner's policy configuration: unknown keys anywhere, suppressions and switches are checked up front. */
import {
  parsePolicyConfig,
  parsePolicyConfigSwitches,
  reconcilePolicyConfig,
} from "../../compliance/policy-config";
import { policies } from "../../policies/policies";

const today = "2026-12-06";
const descriptors = policies.map((p) => ({
  name: p.name,
  enforcementLevel: p.enforcementLevel ?? "advisory",
  configSchema: p.configSchema as never,
}));
const policy = "aws-kms-key-enable-key-rotation";
const ok = {
  resource: "legacy-*",
  reason: "Vendor key, ticket SEC-42",
  owner: "security",
  expires: "2027-03-31",
};

function reconcile(doc: object) {
  return reconcilePolicyConfig(
    descriptors,
    {},
    parsePolicyConfig(JSON.stringify(doc), "config.json"),
    today,
  );
}

describe("policy configuration", () => {
  it("accepts a valid suppression and passes it on with the default window", () => {
    expect(reconcile({ [policy]: { suppressions: [ok] } })[policy].properties).toEqual({
      suppressions: [ok],
      maxSuppressionDays: 365,
    });
  });

  it.each([
    [{ [policy]: { supressions: [ok] } }, `${policy}: unknown key [supressions]`],
    [
      { [policy]: { suppressions: [{ ...ok, expiry: "2027-01-01" }] } },
      `${policy}.suppressions.0: unknown key [expiry]`,
    ],
    [
      { [policy]: { suppressions: [{ ...ok, expires: undefined }] } },
      `${policy}.suppressions[0].expires is missing`,
    ],
    [
      { [policy]: { suppressions: [{ ...ok, expires: "2027-02-30" }] } },
      `${policy}.suppressions[0].expires is "2027-02-30", not a real date`,
    ],
    [
      { [policy]: { suppressions: [{ ...ok, expires: "2028-01-01" }] } },
      `${policy}.suppressions[0].expires is 2028-01-01, more than 365 days ahead; expected 2027-12-06 or earlier`,
    ],
    [
      { [policy]: { suppressions: [{ ...ok, resource: "*" }] } },
      `${policy}.suppressions[0].resource is "*", which matches every resource; add allResources: true to mean it.`,
    ],
  ])("refuses %j naming the problem", (doc, message) => {
    expect(() => reconcile(doc)).toThrow(message);
  });

  it("takes the suppression window from all.maxSuppressionDays or the policy's own setting", () => {
    const far = { ...ok, expires: "2028-01-01" };
    expect(() =>
      reconcile({ all: { maxSuppressionDays: 730 }, [policy]: { suppressions: [far] } }),
    ).not.toThrow();
    expect(() =>
      reconcile({ [policy]: { maxSuppressionDays: 730, suppressions: [far] } }),
    ).not.toThrow();
    expect(() =>
      parsePolicyConfig(JSON.stringify({ all: { maxSuppressionDays: 0 } }), "c.json"),
    ).toThrow("[all.maxSuppressionDays] is 0");
    expect(() =>
      parsePolicyConfig(JSON.stringify({ all: { suppressions: [] } }), "c.json"),
    ).toThrow("[all.suppressions] is not a setting of all");
  });

  it("accepts an all-resource suppression that says so", () => {
    const all = { ...ok, resource: "*", allResources: true };
    expect(
      reconcile({ [policy]: { suppressions: [all] } })[policy].properties.suppressions,
    ).toEqual([all]);
  });

  it("reads the strict switch and refuses a non-boolean one", () => {
    expect(parsePolicyConfigSwitches(JSON.stringify({ strict: true }), "c.json")).toEqual({
      strict: true,
    });
    expect(parsePolicyConfigSwitches("{}", "c.json")).toEqual({ strict: false });
    expect(() => parsePolicyConfig(JSON.stringify({ strict: "yes" }), "c.json")).toThrow(
      'c.json: [strict] is "yes"; expected true or false.',
    );
    expect(Object.keys(parsePolicyConfig(JSON.stringify({ strict: true }), "c.json"))).toEqual([]);
  });
});
