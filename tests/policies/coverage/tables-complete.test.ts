/** Every policy written on lib/conditions (or the Kubernetes pod-policy builder) has a table. */
import * as fs from "fs";
import * as path from "path";
import { policies } from "../../../policies/policies";
import { awsTables } from "./aws-tables";
import { azureTables } from "./azure-tables";
import { gcpIamTables, gcpTables } from "./gcp-tables";
import { kubernetesTables } from "./kubernetes-tables";

const root = path.resolve(__dirname, "../../../policies");

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) {
      return e.name === "lib" ? [] : files(full);
    }
    return e.name.endsWith(".ts") && e.name !== "index.ts" ? [full] : [];
  });
}

/** Older policies with their own test files, now also judging each condition on its own. */
const testedElsewhere = new Set([
  "aws-lambda-function-disallow-secret-environment-names",
  "aws-lambda-function-disallow-secret-environment-values",
  "azure-monitor-diagnosticsetting-configure-log-analytics",
  "kubernetes-core-service-disallow-public-load-balancer",
]);

describe("service policy tables", () => {
  const tabled = new Set(
    [...awsTables, ...gcpTables, ...gcpIamTables, ...azureTables, ...kubernetesTables].map(
      (t) => t.policy.name,
    ),
  );
  const written = ["aws", "gcp", "azure", "kubernetes"]
    .flatMap((d) => files(path.join(root, d)))
    .filter((f) =>
      /lib\/conditions"|lib\/containers"|disallowPublicMember\(/.test(fs.readFileSync(f, "utf8")),
    )
    .map((f) => path.basename(f, ".ts"))
    .filter((n) => !testedElsewhere.has(n));

  it("covers every policy built on lib/conditions with compliant, flawed and unknown cases", () => {
    expect(written.length).toBeGreaterThan(140);
    expect(written.filter((n) => !tabled.has(n))).toEqual(
      // IAM-member policies that predate this table and have their own tests.
      written.filter((n) => !tabled.has(n) && /iammember-disallow-public-principal$/.test(n)),
    );
  });

  it("gives every resource policy a type token, so no policy code runs for another type's resource", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { getPulumiType } = require("@pulumi/policy/policy");
    const untyped = policies
      .filter((p) => "validateResource" in p)
      .filter((p) => {
        const v = (p as { validateResource: unknown }).validateResource;
        return Array.isArray(v) || getPulumiType(v) === undefined;
      })
      .map((p) => p.name);
    expect(untyped).toEqual([]);
  });

  it("names only policies of the pack", () => {
    const names = new Set(policies.map((p) => p.name));
    expect([...tabled].filter((n) => !names.has(n))).toEqual([]);
  });
});
