/** PHI-ness and labels as the engine hands resources over: with `provider` attached and provider inputs as JSON. */
import type { PolicyResource } from "@pulumi/policy";
import { classificationOf, effectiveLabels, isPhi } from "../../../policies/stack/lib/labels";
import { zoneOf } from "../../../policies/stack/lib/location";

const queue = (
  props: Record<string, unknown>,
  provider?: { type: string; props: Record<string, unknown> },
) =>
  ({
    type: "aws:sqs/queue:Queue",
    name: "q",
    urn: "urn:q",
    props,
    ...(provider ? { provider } : {}),
  }) as unknown as PolicyResource;

describe("stack labels", () => {
  it("reads the provider the engine attaches, with defaultTags as a JSON string", () => {
    const provider = {
      type: "pulumi:providers:aws",
      props: {
        defaultTags: JSON.stringify({ tags: { "data-classification": "internal", owner: "a" } }),
      },
    };
    const r = queue({ tags: { owner: "b" } }, provider);
    expect(effectiveLabels(r, [r]).labels).toEqual({
      "data-classification": "internal",
      owner: "b",
    });
    expect(isPhi(r, [r], true)).toBe(false);
  });

  it("falls back to the stack's providers only where they all agree", () => {
    const p1 = {
      type: "pulumi:providers:aws",
      name: "a",
      urn: "urn:a",
      props: { defaultTags: { tags: { "data-classification": "phi", owner: "x" } } },
    };
    const p2 = {
      type: "pulumi:providers:aws",
      name: "b",
      urn: "urn:b",
      props: { defaultTags: { tags: { "data-classification": "phi", owner: "y" } } },
    };
    const r = queue({});
    const all = [p1, p2, r] as unknown as PolicyResource[];
    expect(effectiveLabels(r, all).labels).toEqual({ "data-classification": "phi" });
    expect(classificationOf(r, all)).toBe("phi");
  });

  it("treats an unlabelled resource as PHI only when configured to (fail safe by default)", () => {
    const r = queue({});
    expect([isPhi(r, [r], true), isPhi(r, [r], false)]).toEqual([true, false]);
  });

  it("reads the residency zone from config, then providers, then resources", () => {
    const p = {
      type: "pulumi:providers:gcp",
      name: "g",
      urn: "urn:g",
      props: { defaultLabels: JSON.stringify({ residency: "eu" }) },
    } as unknown as PolicyResource;
    expect(zoneOf("us", [p])).toEqual({ zone: "us", from: "policy config" });
    expect(zoneOf(undefined, [p])).toEqual({ zone: "eu", from: "provider g" });
    expect(zoneOf(undefined, [queue({ tags: { residency: "US" } })])).toEqual({
      zone: "us",
      from: "resource q",
    });
    expect(zoneOf("mars", [])).toBeUndefined();
  });
});
