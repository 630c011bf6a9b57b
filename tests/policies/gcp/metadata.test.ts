import * as fs from "fs";
import * as path from "path";
import type { ResourceValidationPolicy } from "@pulumi/policy";

/** Each policy file's JSDoc `@severity` and `@controls` must match the metadata the engine receives. */
for (const cloud of ["gcp", "azure"]) {
  const root = path.join(__dirname, "../../../policies", cloud);
  const files = fs
    .readdirSync(root, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith(".ts") && path.basename(f).startsWith(`${cloud}-`));

  describe(`${cloud} policy JSDoc agrees with metadata`, () => {
    it("finds the policy files", () => {
      expect(files.length).toBeGreaterThanOrEqual(20);
    });
    it.each(files)("%s", async (file) => {
      const source = fs.readFileSync(path.join(root, file), "utf8");
      const severity = /@severity (\w+)/.exec(source)?.[1];
      const controls = /@controls (.+)/
        .exec(source)?.[1]
        .split(",")
        .map((c) => c.trim());
      const mod = (await import(path.join(root, file))) as Record<string, ResourceValidationPolicy>;
      const [policy, ...others] = Object.values(mod);
      expect(others).toEqual([]);
      expect(policy.name).toBe(path.basename(file, ".ts"));
      expect(policy.severity).toBe(severity);
      expect(policy.tags).toEqual(controls);
      expect(typeof policy.remediationSteps).toBe("string");
    });
  });
}
