/**
 * Each stack's GCP and Kubernetes side, run through the offline plan with the full policy pack: complete, on its
 * explicit providers (the Kubernetes provider built from the GKE cluster), without unsuppressed mandatory
 * violations or undecided policies, and (EU) with every GCP location in an EU member state.
 */
import { Ok, planStacks, stacks } from "../helpers/stack-plans";
import { gcpEuMemberStateRegions, spannerMultiRegionConfigs } from "../../stacks/config";

const planOf = planStacks();

const isGcpOrKubernetes = (type: string) =>
  /^(gcp|kubernetes|mediconnect:gcp|mediconnect:kubernetes):/.test(type) ||
  type === "pulumi:providers:gcp" ||
  type === "pulumi:providers:kubernetes";

/** Secrets travel wrapped; the value is what the provider receives. */
function unwrap(value: unknown): unknown {
  const v = value as { value?: unknown } | undefined;
  return v && typeof v === "object" && "value" in v ? v.value : value;
}

function resource(plan: Ok, type: string, name: string) {
  const found = plan.resources.filter((r) => r.type === type && r.name === name);
  if (found.length !== 1) {
    throw new Error(`expected one ${type} named ${name}, found ${found.length}`);
  }
  return found[0];
}

describe.each(stacks)("offline plan of stack %s, GCP and Kubernetes side", (stack) => {
  it("builds every GCP and Kubernetes component", () => {
    const components = planOf(stack)
      .resources.filter((r) => /^mediconnect:(gcp|kubernetes):/.test(r.type) && !r.custom)
      .map((r) => `${r.type}::${r.name}`);
    expect(components).toEqual(
      expect.arrayContaining([
        "mediconnect:gcp:ServiceKeys::cmek",
        "mediconnect:gcp:PrivateNetwork::network",
        "mediconnect:gcp:GkeCluster::gke",
        "mediconnect:gcp:WorkloadIdentity::risk-inference",
        "mediconnect:gcp:VertexEndpoint::risk",
        "mediconnect:gcp:AnalyticsWarehouse::analytics",
        "mediconnect:gcp:ClinicalRecords::records",
        "mediconnect:gcp:AuditGuardrails::audit",
        "mediconnect:kubernetes:SecureNamespace::risk-inference",
        "mediconnect:kubernetes:RiskInferenceService::risk-inference",
      ]),
    );
  });

  it("puts GCP resources on the GCP provider and workloads on a Kubernetes provider built from the cluster", () => {
    const plan = planOf(stack);
    const gcpProviders = plan.resources.filter((r) => r.type === "pulumi:providers:gcp");
    const k8sProviders = plan.resources.filter((r) => r.type === "pulumi:providers:kubernetes");
    expect([gcpProviders.length, k8sProviders.length]).toEqual([1, 1]);
    const misplaced = plan.resources.filter(
      (r) =>
        r.custom &&
        ((r.type.startsWith("gcp:") && r.provider !== gcpProviders[0].urn) ||
          (r.type.startsWith("kubernetes:") && r.provider !== k8sProviders[0].urn)),
    );
    expect(misplaced.map((r) => r.urn)).toEqual([]);

    const cluster = resource(plan, "gcp:container/cluster:Cluster", "gke-cluster");
    expect(k8sProviders[0].dependencies).toContain(cluster.urn);
    const kubeconfig = JSON.parse(String(unwrap(k8sProviders[0].inputs["kubeconfig"])));
    expect(kubeconfig.clusters[0].cluster.server).toBe(`https://${cluster.outputs["endpoint"]}`);
    expect(kubeconfig.users[0].user.exec.command).toBe("gke-gcloud-auth-plugin");
  });

  it("has no unsuppressed mandatory violation on any GCP or Kubernetes resource", () => {
    const plan = planOf(stack);
    const urns = new Set(plan.resources.filter((r) => isGcpOrKubernetes(r.type)).map((r) => r.urn));
    const mandatory = plan.evaluation.violations
      .filter((v) => v.enforcementLevel === "mandatory" && urns.has(v.urn))
      .map((v) => `${v.policyName} on ${v.urn}: ${v.detail}`);
    expect(mandatory).toEqual([]);
  });

  it("leaves no policy undecided on a GCP or Kubernetes resource", () => {
    const plan = planOf(stack);
    const urns = new Set(plan.resources.filter((r) => isGcpOrKubernetes(r.type)).map((r) => r.urn));
    expect(
      plan.evaluation.indeterminate
        .filter((f) => urns.has(f.urn))
        .map((f) => `${f.policyName}: ${f.detail}`),
    ).toEqual([]);
  });

  it("binds the workload identity only once the cluster (and so its identity pool) exists", () => {
    const plan = planOf(stack);
    const cluster = resource(plan, "gcp:container/cluster:Cluster", "gke-cluster");
    const binding = resource(
      plan,
      "gcp:serviceaccount/iAMMember:IAMMember",
      "risk-inference-workload-identity",
    );
    expect(binding.propertyDependencies["member"]).toContain(cluster.urn);
    const project = stack === "eu" ? "mediconnect-prod-eu" : "mediconnect-prod-us";
    expect(binding.inputs["member"]).toBe(
      `serviceAccount:${project}.svc.id.goog[risk-inference/risk-inference]`,
    );
  });

  it("points the risk-inference workload at the stack's Vertex endpoint as its GCP service account", () => {
    const plan = planOf(stack);
    const endpoint = resource(plan, "gcp:vertex/aiEndpoint:AiEndpoint", "risk-endpoint");
    const deployment = resource(plan, "kubernetes:apps/v1:Deployment", "risk-inference-deployment");
    const container = (deployment.inputs["spec"] as any).template.spec.containers[0];
    const region = stack === "eu" ? "europe-west3" : "us-central1";
    expect(container.env).toEqual([
      { name: "PORT", value: "8080" },
      {
        name: "VERTEX_PROJECT",
        value: stack === "eu" ? "mediconnect-prod-eu" : "mediconnect-prod-us",
      },
      { name: "VERTEX_REGION", value: region },
      { name: "VERTEX_ENDPOINT_ID", value: endpoint.inputs["name"] },
    ]);
    expect(container.image).toMatch(/@sha256:[a-f0-9]{64}$/);
    const grant = resource(
      plan,
      "gcp:vertex/aiEndpointIamMember:AiEndpointIamMember",
      "risk-predictor-0",
    );
    const account = resource(plan, "gcp:serviceaccount/account:Account", "risk-inference-account");
    expect(grant.inputs["member"]).toBe(account.outputs["member"]);
  });
});

describe("residency of the GCP side", () => {
  /** Every location a GCP resource or provider names, with where it was read. */
  function locations(plan: Ok): [string, string][] {
    return plan.resources
      .filter((r) => r.type.startsWith("gcp:") || r.type === "pulumi:providers:gcp")
      .flatMap((r) =>
        ["region", "location", "config"]
          .filter((field) => typeof r.inputs[field] === "string")
          .filter((field) => field !== "config" || r.type === "gcp:spanner/instance:Instance")
          .map((field): [string, string] => [`${r.name}.${field}`, String(r.inputs[field])]),
      );
  }

  it("keeps every GCP location of the EU stack in an EU member state", () => {
    const euMultiRegions = ["EU", "europe"];
    const found = locations(planOf("eu"));
    expect(found.length).toBeGreaterThan(20);
    const outside = found.filter(([, location]) => {
      if (gcpEuMemberStateRegions[location] !== undefined || euMultiRegions.includes(location)) {
        return false;
      }
      const replicas = spannerMultiRegionConfigs.eu[location];
      return !replicas?.every((r) => gcpEuMemberStateRegions[r] !== undefined);
    });
    expect(outside).toEqual([]);
    expect(new Set(found.map(([, l]) => l))).toEqual(
      new Set([
        "europe-west3",
        "EU",
        "europe",
        "eur3",
        "europe-west1",
        "europe-west4",
        "europe-north1",
      ]),
    );
  });

  it("keys the EU Spanner database with one key in each eur3 replica region, and prod with nam3's", () => {
    for (const [stack, expected] of [
      ["eu", ["europe-north1", "europe-west1", "europe-west4"]],
      ["prod", ["us-central1", "us-east1", "us-east4"]],
    ] as const) {
      const plan = planOf(stack);
      const database = resource(plan, "gcp:spanner/database:Database", "records-database");
      const keyUrns = database.propertyDependencies["encryptionConfig"] ?? [];
      const ringLocations = keyUrns
        .map((urn) => plan.resources.find((r) => r.urn === urn))
        .map((key) =>
          plan.resources.find((r) => r.urn === key?.propertyDependencies["keyRing"]?.[0]),
        )
        .map((ring) => String(ring?.inputs["location"]))
        .sort();
      expect([stack, ringLocations]).toEqual([stack, [...expected]]);
    }
  });

  it("uses a US multi-region Spanner configuration and the US BigQuery multi-region for prod", () => {
    const plan = planOf("prod");
    expect(
      resource(plan, "gcp:spanner/instance:Instance", "records-instance").inputs["config"],
    ).toBe("nam3");
    expect(
      resource(plan, "gcp:bigquery/dataset:Dataset", "analytics-clinical").inputs["location"],
    ).toBe("US");
    expect(resource(plan, "gcp:kms/keyRing:KeyRing", "cmek-bigquery-ring").inputs["location"]).toBe(
      "us",
    );
  });
});
