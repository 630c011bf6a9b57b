/**
 * The pack as a whole: every policy's JSDoc, metadata and the control catalog agree; names follow the convention;
 * POLICIES.md and the framework profiles are current.
 */
import * as fs from "fs";
import * as path from "path";
import type { Policy } from "@pulumi/policy";
import { controls } from "../../policies/catalog/controls";
import { policies } from "../../policies/policies";
import { profile, profilesDir, policiesDoc, renderPoliciesDoc } from "../../policies/docs";

const root = path.resolve(__dirname, "../../policies");
const verbs = ["missing", "disallow", "enable", "disable", "configure", "enforce"];
const catalogIds = new Set(controls.map((c) => c.id));

function policyFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) {
      return e.name === "lib" || e.name === "node_modules" ? [] : policyFiles(full);
    }
    return e.name.endsWith(".ts") && e.name !== "index.ts" ? [full] : [];
  });
}

const files = ["aws", "gcp", "azure", "kubernetes", "stack"].flatMap((d) =>
  policyFiles(path.join(root, d)),
);
const byName = new Map<string, Policy>(policies.map((p) => [p.name, p]));

describe("policy pack", () => {
  it("has at least 80 resource policies and 10 stack policies", () => {
    const stack = policies.filter((p) => "validateStack" in p).length;
    expect([policies.length - stack >= 80, stack >= 10]).toEqual([true, true]);
  });

  it("has unique names following <cloud>-<service>-<resource>-<verb>-<what>", () => {
    expect(new Set(policies.map((p) => p.name)).size).toBe(policies.length);
    for (const p of policies) {
      const parts = p.name.split("-");
      expect([p.name, ["aws", "gcp", "azure", "kubernetes", "stack"].includes(parts[0])]).toEqual([
        p.name,
        true,
      ]);
      expect([p.name, parts.some((w) => verbs.includes(w))]).toEqual([p.name, true]);
    }
  });

  it("lists every policy file in the pack, one policy per file named after it", () => {
    const names = files.map((f) => path.basename(f, ".ts")).sort();
    expect(names).toEqual(policies.map((p) => p.name).sort());
  });

  it.each(files.map((f) => [path.relative(root, f), f]))(
    "%s: JSDoc, metadata and catalog agree",
    (_rel, file) => {
      const text = fs.readFileSync(file, "utf8");
      const policy = byName.get(path.basename(file, ".ts"))!;
      const severity = /@severity\s+(\w+)/.exec(text)?.[1];
      const jsdocControls = /@controls\s+([^\n]+)/
        .exec(text)?.[1]
        .split(",")
        .map((s) => s.trim());
      expect({ severity, controls: jsdocControls }).toEqual({
        severity: policy.severity,
        controls: policy.tags,
      });
      for (const tag of policy.tags ?? []) {
        expect([tag, catalogIds.has(tag)]).toEqual([tag, true]);
      }
      expect(policy.framework?.specification).toBe(
        controls.find((c) => c.id === policy.tags![0])!.citation,
      );
      for (const field of ["description", "remediationSteps", "url", "enforcementLevel"] as const) {
        expect([field, typeof policy[field], (policy[field] ?? "").length > 0]).toEqual([
          field,
          "string",
          true,
        ]);
      }
      expect(Object.keys(policy.configSchema?.properties ?? {})).toContain("suppressions");
    },
  );

  it("covers every control of the catalog with a policy, or says what is not automatable", () => {
    for (const c of controls) {
      const covered = policies.some((p) => (p.tags ?? []).includes(c.id));
      expect([c.id, covered || c.notAutomatable.length > 0]).toEqual([c.id, true]);
    }
  });

  it("has a current POLICIES.md (regenerate with npm run docs)", () => {
    expect(fs.readFileSync(policiesDoc, "utf8")).toBe(renderPoliciesDoc());
  });

  it.each(["hipaa", "gdpr"] as const)(
    "has a current %s profile that disables exactly the policies outside it",
    (fw) => {
      const file = JSON.parse(fs.readFileSync(path.join(profilesDir, `${fw}.json`), "utf8"));
      expect(file).toEqual(profile(fw));
      const kept = policies.filter((p) => !(p.name in file));
      expect(kept.length).toBeGreaterThan(0);
      expect(kept.every((p) => (p.tags ?? []).some((t) => t.startsWith(`${fw}:`)))).toBe(true);
    },
  );
});
