import {
  Recorded,
  byType,
  installMocks,
  keyId,
  one,
  project,
  settle,
  valueOf,
} from "../../helpers/mocks";

let recorded: Recorded[];
let audit: typeof import("../../../components/gcp/audit-guardrails");

beforeAll(async () => {
  recorded = await installMocks();
  audit = await import("../../../components/gcp/audit-guardrails");
  const guardrails = new audit.AuditGuardrails("audit", {
    namePrefix: "mc-eu",
    projectId: project,
    region: "europe-west3",
    logsKeyId: keyId("europe-west3", "logs"),
    allowedLocations: ["in:eu-locations"],
  });
  await valueOf(guardrails.sinkWriterIdentity);
  await settle();
});

describe("AuditGuardrails", () => {
  it("logs admin reads and data reads and writes of every service, exempting nobody", () => {
    expect(
      one(recorded, "gcp:projects/iAMAuditConfig:IAMAuditConfig", "audit-data-access").inputs,
    ).toEqual({
      project,
      service: "allServices",
      auditLogConfigs: [
        { logType: "ADMIN_READ" },
        { logType: "DATA_READ" },
        { logType: "DATA_WRITE" },
      ],
    });
  });

  it("copies every audit log entry into a CMEK bucket whose six-year retention is locked", () => {
    expect(
      one(recorded, "gcp:logging/projectBucketConfig:ProjectBucketConfig", "audit-bucket").inputs,
    ).toEqual({
      project,
      location: "europe-west3",
      bucketId: "mc-eu-audit-logs",
      description: "Cloud Audit Logs, retention locked",
      retentionDays: 2192,
      locked: true,
      cmekSettings: { kmsKeyName: keyId("europe-west3", "logs") },
    });
    expect(one(recorded, "gcp:logging/projectSink:ProjectSink", "audit-sink").inputs).toEqual({
      name: "mc-eu-audit-audit",
      project,
      description: "Every Cloud Audit Logs entry, into the locked audit bucket",
      destination: `logging.googleapis.com/projects/${project}/locations/europe-west3/buckets/mc-eu-audit-logs`,
      filter: 'logName:"/logs/cloudaudit.googleapis.com"',
      uniqueWriterIdentity: true,
    });
  });

  it("sets the residency, CMEK, TLS and hardening organization policies on the project", () => {
    const policies = byType(recorded, "gcp:orgpolicy/policy:Policy").map((p) => p.inputs);
    expect(policies.every((p) => p.parent === `projects/${project}`)).toBe(true);
    expect(
      Object.fromEntries(
        policies.map((p) => [p.name.replace(`projects/${project}/policies/`, ""), p.spec.rules]),
      ),
    ).toEqual({
      "gcp.resourceLocations": [{ values: { allowedValues: ["in:eu-locations"] } }],
      "gcp.restrictNonCmekServices": [
        {
          values: {
            deniedValues: [
              "bigquery.googleapis.com",
              "spanner.googleapis.com",
              "container.googleapis.com",
              "aiplatform.googleapis.com",
              "storage.googleapis.com",
            ],
          },
        },
      ],
      "gcp.restrictTLSVersion": [
        { values: { deniedValues: ["TLS_VERSION_1", "TLS_VERSION_1_1"] } },
      ],
      "compute.vmExternalIpAccess": [{ denyAll: "TRUE" }],
      "storage.uniformBucketLevelAccess": [{ enforce: "TRUE" }],
      "storage.publicAccessPrevention": [{ enforce: "TRUE" }],
      "iam.disableServiceAccountKeyCreation": [{ enforce: "TRUE" }],
      "iam.automaticIamGrantsForDefaultServiceAccounts": [{ enforce: "TRUE" }],
      "compute.skipDefaultNetworkCreation": [{ enforce: "TRUE" }],
      "sql.restrictPublicIp": [{ enforce: "TRUE" }],
    });
  });

  it.each([
    [
      { retentionDays: 2000 },
      "[retentionDays] must be a whole number from 2192 (six years) to 3650 (the Cloud Logging maximum), received 2000",
    ],
    [{ allowedLocations: [] }, "[allowedLocations] must list at least one location, received none"],
  ])("rejects %j", (extra, message) => {
    expect(
      () =>
        new audit.AuditGuardrails("bad", {
          namePrefix: "mc",
          projectId: project,
          region: "europe-west3",
          logsKeyId: "k",
          allowedLocations: ["in:eu-locations"],
          ...extra,
        }),
    ).toThrow(`AuditGuardrails bad: ${message}`);
  });
});
