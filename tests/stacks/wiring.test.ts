/**
 * Each stack, planned offline: one explicit provider per cloud built from that stack's file, every custom resource
 * on the provider of its own cloud, and no resource on a default provider.
 */
import * as path from "path";
import { runWorker } from "../../compliance/cli";
import type { WorkerResult } from "../../compliance/worker";

const root = path.resolve(__dirname, "../..");
type Ok = Extract<WorkerResult, { ok: true }>;

const expected = {
  prod: {
    aws: { region: "us-east-1", allowedAccountIds: '["123456789012"]' },
    gcp: { project: "mediconnect-prod-us", region: "us-central1" },
    "azure-native": {
      location: "eastus2",
      subscriptionId: "00000000-0000-4000-8000-000000000001",
      tenantId: "00000000-0000-4000-8000-0000000000aa",
    },
  },
  eu: {
    aws: { region: "eu-central-1", allowedAccountIds: '["210987654321"]' },
    gcp: { project: "mediconnect-prod-eu", region: "europe-west3" },
    "azure-native": {
      location: "germanywestcentral",
      subscriptionId: "00000000-0000-4000-8000-000000000002",
      tenantId: "00000000-0000-4000-8000-0000000000bb",
    },
  },
} as const;

describe.each(Object.keys(expected) as (keyof typeof expected)[])("stack %s", (stack) => {
  let run: Ok;
  beforeAll(async () => {
    const result = await runWorker({
      programDir: root,
      stack,
      packDir: path.join(root, "policies"),
    });
    if (!result.ok) {
      throw new Error(`${result.kind}: ${result.message}`);
    }
    run = result;
  }, 120000);

  // Providers receive structured settings JSON-encoded, as the engine passes them.
  it("has exactly one explicit provider per cloud, configured from Pulumi.<stack>.yaml", () => {
    // The Kubernetes provider is built from the GKE cluster's outputs, not from the stack file.
    const providers = run.resources.filter(
      (r) => r.type.startsWith("pulumi:providers:") && r.type !== "pulumi:providers:kubernetes",
    );
    expect(providers.map((p) => p.type).sort()).toEqual([
      "pulumi:providers:aws",
      "pulumi:providers:azure-native",
      "pulumi:providers:gcp",
    ]);
    for (const p of providers) {
      const pkg = p.type.slice("pulumi:providers:".length) as keyof (typeof expected)[typeof stack];
      expect(p.inputs).toMatchObject(expected[stack][pkg]);
    }
  });

  it("puts every custom resource on the explicit provider of its own cloud", () => {
    const providerOf = new Map(
      run.resources
        .filter((r) => r.type.startsWith("pulumi:providers:"))
        .map((p) => [p.urn, p.type]),
    );
    const custom = run.resources.filter((r) => r.custom && !r.type.startsWith("pulumi:providers:"));
    expect(custom.length).toBeGreaterThan(0);
    for (const r of custom) {
      expect([r.urn, providerOf.get(r.provider ?? "")]).toEqual([
        r.urn,
        `pulumi:providers:${r.type.split(":")[0]}`,
      ]);
    }
  });

  it("tags every provider with the platform labels, residency included", () => {
    const aws = run.resources.find((r) => r.type === "pulumi:providers:aws")!;
    expect(JSON.parse(aws.inputs["defaultTags"] as string)).toEqual({
      tags: {
        app: "mediconnect",
        stack,
        environment: "prod",
        "data-classification": "phi",
        residency: stack === "eu" ? "eu" : "us",
        owner: "platform-team",
        "cost-center": "cc-clinical-platform",
        "managed-by": "pulumi",
      },
    });
  });

  it("trusts the stack's Entra ID tenant wherever a resource names one, Key Vault RBAC included", () => {
    const tenants = (value: unknown): unknown[] =>
      Array.isArray(value)
        ? value.flatMap(tenants)
        : typeof value === "object" && value !== null
          ? Object.entries(value).flatMap(([k, v]) => (k === "tenantId" ? [v] : tenants(v)))
          : [];
    const naming = run.resources
      .filter((r) => !r.type.startsWith("pulumi:providers:"))
      .map((r) => [r.type, tenants(r.inputs)] as const)
      .filter(([, found]) => found.length > 0);
    expect(naming.map(([type]) => type)).toContain("azure-native:keyvault:Vault");
    const tenant = expected[stack]["azure-native"].tenantId;
    expect(naming.filter(([, found]) => found.some((t) => t !== tenant))).toEqual([]);
  });

  it("has no unsuppressed mandatory violation", () => {
    expect(
      run.evaluation.violations
        .filter((v) => v.enforcementLevel === "mandatory")
        .map((v) => `${v.policyName} ${v.urn}`),
    ).toEqual([]);
  });
});
