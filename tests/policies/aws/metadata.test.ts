/**
 * Every AWS policy file: one exported policy named after the file, in the AWS list once, with JSDoc (a reason,
 * then @severity and @controls) that agrees with the metadata the engine receives.
 */
import * as fs from "fs";
import * as path from "path";
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { awsPolicies } from "../../../policies/aws";
import { controls } from "../../../policies/catalog/controls";

const root = path.join(__dirname, "../../../policies/aws");
const files = fs
  .readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory() && d.name !== "lib")
  .flatMap((d) =>
    fs
      .readdirSync(path.join(root, d.name))
      .filter((f) => f.startsWith("aws-"))
      .map((f) => path.join(d.name, f)),
  );

const camel = (name: string) => name.replace(/-([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
const verbs = "missing|disallow|enable|disable|configure|enforce";

describe("AWS policy metadata", () => {
  it("has at least 45 policies, with unique names, every one listed once", () => {
    expect(files.length).toBeGreaterThanOrEqual(45);
    expect(awsPolicies).toHaveLength(files.length);
    const names = awsPolicies.map((p) => p.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it.each(files)("%s agrees with its JSDoc", (file) => {
    const source = fs.readFileSync(path.join(root, file), "utf8");
    const name = path.basename(file, ".ts");
    const service = path.dirname(file);
    expect(name).toMatch(
      new RegExp(`^aws-${service}-[a-z0-9]+(-[a-z0-9]+)*-(${verbs})-[a-z0-9]+(-[a-z0-9]+)*$`),
    );

    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(path.join(root, file)) as Record<string, ResourceValidationPolicy>;
    const policy = mod[camel(name)];
    expect(policy?.name).toBe(name);
    expect(awsPolicies.filter((p) => p === policy)).toHaveLength(1);

    const doc = /\/\*\*([\s\S]*?)\*\/\s*export const (\w+) = resourcePolicy\(/.exec(source);
    expect(doc?.[2]).toBe(camel(name));
    const lines = doc![1]
      .split("\n")
      .map((l) => l.replace(/^\s*\*\s?/, "").trim())
      .filter(Boolean);
    const reason = lines.filter((l) => !l.startsWith("@")).join(" ");
    expect(reason.length).toBeGreaterThan(40);
    expect(lines.find((l) => l.startsWith("@severity"))).toBe(`@severity ${policy.severity}`);
    expect(lines.find((l) => l.startsWith("@controls"))).toBe(
      `@controls ${policy.tags!.join(", ")}`,
    );

    expect(policy.tags!.length).toBeGreaterThanOrEqual(1);
    expect(policy.tags!.length).toBeLessThanOrEqual(4);
    for (const tag of policy.tags!) {
      expect(controls.map((c) => c.id)).toContain(tag);
    }
    expect(policy.description.length).toBeGreaterThan(10);
    expect(policy.remediationSteps).toMatch(/aws\.[a-z0-9]+\.[A-Z]\w+/);
    expect(Object.keys(policy.configSchema?.properties ?? {})).not.toContain("enforcementLevel");
  });
});
