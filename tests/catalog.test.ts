/**
 * Facts with one home: the PHI services and the six-year retention are read from policies/catalog by the components,
 * the stack configuration and the policies, and what cannot import them (Pulumi.yaml) is checked against them. Also
 * the layout rules of the tree: only the stacks use the labels, and the benchmarks import nothing from tests/.
 */
import * as fs from "fs";
import * as path from "path";
import { parse } from "yaml";
import { phiServices } from "../policies/catalog/phi-services";
import { sixYearsInDays } from "../policies/catalog/retention";
import { assertLeastPrivilege } from "../components/aws/node-function";
import { awsIamPolicyDisallowPhiServiceWildcard } from "../policies/aws/iam/aws-iam-policy-disallow-phi-service-wildcard";
import { awsIamRolePolicyDisallowPhiServiceWildcard } from "../policies/aws/iam/aws-iam-role-policy-disallow-phi-service-wildcard";
import { parsePlatformConfig } from "../stacks/config";

const root = path.resolve(__dirname, "..");

function sources(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    return e.isDirectory() ? sources(rel) : e.name.endsWith(".ts") ? [rel] : [];
  });
}

describe("PHI services", () => {
  it.each([...phiServices])(
    "NodeFunction refuses %s:* and the IAM policies default to the list",
    (service) => {
      expect(() =>
        assertLeastPrivilege("f", [{ Action: `${service}:*`, Resource: "arn:aws:x:::y" }]),
      ).toThrow(`NodeFunction f: [policyStatements[0]] grants "${service}:*"`);
    },
  );

  it("is the default service list of both IAM wildcard policies", () => {
    for (const policy of [
      awsIamPolicyDisallowPhiServiceWildcard,
      awsIamRolePolicyDisallowPhiServiceWildcard,
    ]) {
      expect(policy.configSchema?.properties?.["services"]).toMatchObject({ default: phiServices });
    }
  });
});

describe("six-year retention", () => {
  it("is 2192 days: six years of 365 days and the two leap days six years can hold", () => {
    expect(sixYearsInDays).toBe(6 * 365 + 2);
  });

  it("is the Pulumi.yaml default of logRetentionDays, and the configuration refuses less for PHI", () => {
    const doc = parse(fs.readFileSync(path.join(root, "Pulumi.yaml"), "utf8")) as {
      config: Record<string, { default?: unknown }>;
    };
    expect(doc.config["mediconnect:logRetentionDays"].default).toBe(sixYearsInDays);
    const stackFile = parse(fs.readFileSync(path.join(root, "Pulumi.eu.yaml"), "utf8")) as {
      config: Record<string, unknown>;
    };
    const raw = Object.fromEntries(
      Object.entries(stackFile.config)
        .filter(([k]) => k.startsWith("mediconnect:") && k !== "mediconnect:logRetentionDays")
        .map(([k, v]) => [
          k.slice("mediconnect:".length),
          typeof v === "string" ? v : JSON.stringify(v),
        ]),
    );
    const context = { project: "mediconnect", stack: "eu" };
    expect(parsePlatformConfig(raw, context).logRetentionDays).toBe(sixYearsInDays);
    expect(() => parsePlatformConfig({ ...raw, logRetentionDays: "1827" }, context)).toThrow(
      `expected at least ${sixYearsInDays} days for PHI`,
    );
  });

  it("is written as a number in one file only", () => {
    const written = ["components", "stacks", "policies", "compliance"]
      .flatMap(sources)
      .filter((file) => /\b2192\b/.test(fs.readFileSync(path.join(root, file), "utf8")));
    expect(written.filter((f) => f !== path.join("policies", "catalog", "retention.ts"))).toEqual([
      path.join("stacks", "config.ts"),
    ]);
  });
});

describe("layout", () => {
  it("uses the platform labels only in stacks/", () => {
    const users = ["components", "stacks", "policies", "compliance", "functions"]
      .flatMap(sources)
      .filter((f) =>
        [...fs.readFileSync(path.join(root, f), "utf8").matchAll(/from "(\.[^"]+)"/g)].some(
          (m) => path.resolve(root, path.dirname(f), m[1]) === path.join(root, "stacks", "labels"),
        ),
      );
    expect(users.filter((f) => !f.startsWith(`stacks${path.sep}`))).toEqual([]);
    expect(users.length).toBeGreaterThan(0);
  });

  it("imports nothing from tests/ in the benchmarks and the shared fixtures", () => {
    const importing = ["bench", "fixtures"]
      .flatMap(sources)
      .filter((f) => /from "[^"]*tests\//.test(fs.readFileSync(path.join(root, f), "utf8")));
    expect(importing).toEqual([]);
  });
});
