/**
 * Every component of a whole stack (both stacks' shape: all three clouds) registers every public output it
 * exposes: each own field that is an Output or a plain value is among the keys given to registerOutputs. A field
 * holding a child component is that child's own to register.
 */
import * as pulumi from "@pulumi/pulumi";
import * as fs from "fs";
import * as path from "path";
import { parse } from "yaml";
import { installMocks, settle } from "../helpers/mocks";

const registered = new Map<pulumi.ComponentResource, string[]>();
const original = pulumi.ComponentResource.prototype["registerOutputs"];

beforeAll(async () => {
  await installMocks();
  jest
    .spyOn(pulumi.ComponentResource.prototype as any, "registerOutputs")
    .mockImplementation(function (this: pulumi.ComponentResource, outputs: unknown) {
      // The SDK calls it once more itself, with nothing, after the constructor: keep every key given.
      registered.set(this, [
        ...(registered.get(this) ?? []),
        ...Object.keys((outputs ?? {}) as object),
      ]);
      return original.call(this, outputs as pulumi.Inputs);
    });
  const { parsePlatformConfig } = await import("../../stacks/config");
  const { createProviders } = await import("../../stacks/providers");
  const { buildPlatform } = await import("../../stacks/composition");
  const doc = parse(fs.readFileSync(path.resolve(__dirname, "../../Pulumi.eu.yaml"), "utf8")) as {
    config: Record<string, unknown>;
  };
  const raw = Object.fromEntries(
    Object.entries(doc.config).map(([k, v]) => [
      k.slice("mediconnect:".length),
      typeof v === "string" ? v : JSON.stringify(v),
    ]),
  );
  const config = parsePlatformConfig(raw, { project: "mediconnect", stack: "eu" });
  buildPlatform(config, createProviders(config));
  await settle();
});

/** Fields the SDK keeps on every resource, and this file's own spy. */
const internal = (field: string) => field.startsWith("__") || field === "urn";

describe("registerOutputs", () => {
  it("is called by every component, with every public output", () => {
    const components = [...registered.keys()];
    const types = new Set(
      components.map((c) => (c as unknown as { __pulumiType: string }).__pulumiType),
    );
    // The check must have seen the platform's components, or it would pass on none.
    expect(types.size).toBeGreaterThanOrEqual(15);
    const missing = components.flatMap((component) => {
      const keys = registered.get(component) ?? [];
      const fields = Object.entries(component).filter(
        ([field, value]) => !internal(field) && !(value instanceof pulumi.Resource),
      );
      return fields
        .filter(([field]) => !keys.includes(field))
        .map(
          ([field]) =>
            `${(component as unknown as { __pulumiType: string }).__pulumiType}.${field}`,
        );
    });
    expect(missing).toEqual([]);
  });
});
