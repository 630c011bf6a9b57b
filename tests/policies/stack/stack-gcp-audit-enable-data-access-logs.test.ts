import { stackGcpAuditEnableDataAccessLogs as policy } from "../../../policies/stack";
import { checkStack, unknown } from "../harness";
import { controls, gcpProvider, phiLabels, resource } from "./fixtures";

const c = controls.gcpAudit;
const dataset = resource("gcp:bigquery/dataset:Dataset", "vitals", {
  datasetId: "vitals",
  location: "EU",
});
const cluster = resource("gcp:container/cluster:Cluster", "phi-gke", { location: "europe-west3" });
const auditConfig = (
  service: string,
  logTypes: string[],
  name = "audit-all",
  extra: Record<string, unknown> = {},
) =>
  resource("gcp:projects/iAMAuditConfig:IAMAuditConfig", name, {
    project: "mediconnect-prod-eu",
    service,
    auditLogConfigs: logTypes.map((logType) => ({ logType, ...extra })),
  });
const all = ["ADMIN_READ", "DATA_READ", "DATA_WRITE"];

describe("stack-gcp-audit-enable-data-access-logs", () => {
  it("passes allServices with all three log types", async () => {
    expect(
      await checkStack(policy, [gcpProvider(), dataset, cluster, auditConfig("allServices", all)]),
    ).toEqual({
      violations: [],
      byUrn: [],
      indeterminate: false,
    });
  });

  it("combines allServices with per-service configs", async () => {
    const out = await checkStack(policy, [
      gcpProvider(),
      dataset,
      auditConfig("allServices", ["ADMIN_READ"]),
      auditConfig("bigquery.googleapis.com", ["DATA_READ", "DATA_WRITE"], "audit-bq"),
    ]);
    expect(out.violations).toEqual([]);
  });

  it("reports each PHI resource whose service lacks data-access logs, and exempted members on the config", async () => {
    const exempting = auditConfig("container.googleapis.com", ["DATA_READ"], "audit-gke", {
      exemptedMembers: ["user:ops@example.com"],
    });
    const out = await checkStack(policy, [
      gcpProvider(),
      dataset,
      cluster,
      auditConfig("bigquery.googleapis.com", ["ADMIN_READ", "DATA_WRITE"], "audit-bq"),
      exempting,
    ]);
    expect(out.byUrn).toEqual([
      {
        urn: exempting.urn,
        message: `Audit config audit-gke exempts user:ops@example.com from DATA_READ logs for container.googleapis.com; expected no exempted members on PHI projects. ${c}`,
      },
      {
        urn: dataset.urn,
        message: `PHI resource vitals (bigquery.googleapis.com) has no audit config logging DATA_READ; expected an IAMAuditConfig for allServices or bigquery.googleapis.com with ADMIN_READ, DATA_READ and DATA_WRITE. ${c}`,
      },
      {
        urn: cluster.urn,
        message: `PHI resource phi-gke (container.googleapis.com) has no audit config logging ADMIN_READ, DATA_READ, DATA_WRITE; expected an IAMAuditConfig for allServices or container.googleapis.com with ADMIN_READ, DATA_READ and DATA_WRITE. ${c}`,
      },
    ]);
  });

  it("reports PHI resources when there is no audit config (absent)", async () => {
    expect((await checkStack(policy, [gcpProvider(), dataset])).byUrn.map((v) => v.urn)).toEqual([
      dataset.urn,
    ]);
  });

  it("does not apply without PHI on GCP (classification or unlabelledIsPhi false)", async () => {
    const internal = gcpProvider({ ...phiLabels, "data-classification": "internal" });
    expect((await checkStack(policy, [internal, dataset])).notApplicable).toBe(
      "The stack has no PHI resources on GCP.",
    );
    expect((await checkStack(policy, [dataset], { unlabelledIsPhi: false })).notApplicable).toBe(
      "The stack has no PHI resources on GCP.",
    );
    expect((await checkStack(policy, [dataset])).violations).toHaveLength(1);
  });

  it("is indeterminate when the audit config's service is unknown", async () => {
    expect(
      await checkStack(policy, [gcpProvider(), dataset, auditConfig(unknown, all)]),
    ).toMatchObject({ violations: [], indeterminate: true });
  });
});
