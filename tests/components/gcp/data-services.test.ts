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
let vertexModule: typeof import("../../../components/gcp/vertex-endpoint");
let bq: typeof import("../../../components/gcp/analytics-warehouse");
let spanner: typeof import("../../../components/gcp/clinical-records");
let endpoint: import("../../../components/gcp/vertex-endpoint").VertexEndpoint;

const predictor = `serviceAccount:mc-eu-risk-inference@${project}.iam.gserviceaccount.com`;
const spannerKeys = ["europe-west1", "europe-west4", "europe-north1"].map((r) =>
  keyId(r, `spanner-${r}`),
);

beforeAll(async () => {
  recorded = await installMocks();
  vertexModule = await import("../../../components/gcp/vertex-endpoint");
  bq = await import("../../../components/gcp/analytics-warehouse");
  spanner = await import("../../../components/gcp/clinical-records");
  endpoint = new vertexModule.VertexEndpoint("risk", {
    namePrefix: "mc-eu",
    projectId: project,
    region: "europe-west3",
    kmsKeyId: keyId("europe-west3", "vertex"),
    predictors: [predictor],
    displayName: "Clinical risk model",
  });
  const warehouse = new bq.AnalyticsWarehouse("analytics", {
    namePrefix: "mc-eu",
    projectId: project,
    location: "EU",
    kmsKeyId: keyId("europe", "bigquery"),
    readers: [
      "group:clinical-data@mediconnect.example",
      `serviceAccount:etl@${project}.iam.gserviceaccount.com`,
    ],
    analystGroups: ["group:analysts@mediconnect.example"],
  });
  const records = new spanner.ClinicalRecords("records", {
    namePrefix: "mc-eu",
    config: "eur3",
    kmsKeyIds: spannerKeys,
  });
  await Promise.all([
    valueOf(endpoint.predictorRole),
    valueOf(warehouse.deidentifiedViewId),
    valueOf(records.databaseName),
  ]);
  await settle();
});

describe("VertexEndpoint", () => {
  it("creates a regional CMEK endpoint with a stable 10-digit id", async () => {
    const id = vertexModule.endpointIdFor(`${project}/mc-eu/risk`);
    expect(id).toMatch(/^[1-9]\d{9}$/);
    expect(await valueOf(endpoint.endpointId)).toBe(id);
    expect(one(recorded, "gcp:vertex/aiEndpoint:AiEndpoint", "risk-endpoint").inputs).toEqual({
      name: id,
      displayName: "Clinical risk model",
      description: "Clinical risk model; CMEK, predict only for named callers",
      location: "europe-west3",
      region: "europe-west3",
      encryptionSpec: { kmsKeyName: keyId("europe-west3", "vertex") },
    });
  });

  it("lets the named callers predict on this endpoint and do nothing else", () => {
    expect(
      one(recorded, "gcp:projects/iAMCustomRole:IAMCustomRole", "risk-predictor").inputs,
    ).toEqual({
      roleId: "mc_eu_risk_predictor",
      title: "Predict on Clinical risk model",
      description: "Only aiplatform.endpoints.predict; granted on one endpoint",
      permissions: ["aiplatform.endpoints.predict"],
      stage: "GA",
    });
    expect(
      byType(recorded, "gcp:vertex/aiEndpointIamMember:AiEndpointIamMember").map((m) => m.inputs),
    ).toEqual([
      {
        endpoint: vertexModule.endpointIdFor(`${project}/mc-eu/risk`),
        location: "europe-west3",
        role: `projects/${project}/roles/mc_eu_risk_predictor`,
        member: predictor,
      },
    ]);
  });

  it.each([
    [
      { endpointId: "0123" },
      'VertexEndpoint bad: [endpointId] must be 1 to 10 digits without a leading zero, received "0123"',
    ],
    [
      { predictors: [] },
      "VertexEndpoint bad: [predictors] must name at least one caller, received none",
    ],
  ])("rejects %j", (extra, message) => {
    expect(
      () =>
        new vertexModule.VertexEndpoint("bad", {
          namePrefix: "mc",
          projectId: project,
          region: "europe-west3",
          kmsKeyId: "k",
          predictors: [predictor],
          displayName: "x",
          ...extra,
        }),
    ).toThrow(message);
  });
});

describe("AnalyticsWarehouse", () => {
  it("creates both datasets in the EU with CMEK, 48-hour time travel and only project owners as default access", () => {
    const datasets = byType(recorded, "gcp:bigquery/dataset:Dataset").sort((a, b) =>
      a.name < b.name ? -1 : 1,
    );
    expect(datasets.map((d) => d.inputs)).toEqual([
      {
        datasetId: "mc_eu_analyst_views",
        description: "De-identified views for analysts",
        location: "EU",
        defaultEncryptionConfiguration: { kmsKeyName: keyId("europe", "bigquery") },
        maxTimeTravelHours: "48",
        deleteContentsOnDestroy: false,
        accesses: [{ role: "OWNER", specialGroup: "projectOwners" }],
      },
      {
        datasetId: "mc_eu_clinical",
        description: "Clinical observations with direct identifiers (PHI)",
        location: "EU",
        defaultEncryptionConfiguration: { kmsKeyName: keyId("europe", "bigquery") },
        maxTimeTravelHours: "48",
        deleteContentsOnDestroy: false,
        accesses: [{ role: "OWNER", specialGroup: "projectOwners" }],
      },
    ]);
  });

  it("keeps tables CMEK-encrypted, protected, clustered by patient, and expires staging partitions", () => {
    const observations = one(recorded, "gcp:bigquery/table:Table", "analytics-observations").inputs;
    expect(observations).toMatchObject({
      datasetId: "mc_eu_clinical",
      tableId: "observations",
      encryptionConfiguration: { kmsKeyName: keyId("europe", "bigquery") },
      timePartitioning: { type: "DAY", field: "observed_at" },
      clusterings: ["patient_pseudonym", "patient_id"],
      deletionProtection: true,
    });
    expect(JSON.parse(observations.schema).map((c: { name: string }) => c.name)).toEqual(
      bq.observationColumns.map((c) => c.name),
    );
    expect(one(recorded, "gcp:bigquery/table:Table", "analytics-staging").inputs).toMatchObject({
      tableId: "staging_observations",
      encryptionConfiguration: { kmsKeyName: keyId("europe", "bigquery") },
      timePartitioning: { type: "DAY", expirationMs: 7 * 86_400_000 },
      deletionProtection: true,
    });
  });

  it("gives analysts one authorized view without direct identifiers", () => {
    const view = one(recorded, "gcp:bigquery/table:Table", "analytics-deidentified").inputs;
    expect(view.datasetId).toBe("mc_eu_analyst_views");
    expect(view.view.useLegacySql).toBe(false);
    expect(view.view.query).toBe(
      bq.deidentifiedViewQuery(project, "mc_eu_clinical", "observations"),
    );
    for (const identifier of ["patient_id", "postal_code", "birth_date"]) {
      expect(view.view.query).not.toContain(identifier);
    }
    expect(view.view.query).toContain("EXTRACT(YEAR FROM observed_at)");
  });

  it("grants the view, the named readers and the analyst group, and nobody else", () => {
    expect(
      byType(recorded, "gcp:bigquery/datasetAccess:DatasetAccess")
        .map((a) => a.inputs)
        .sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1)),
    ).toEqual([
      {
        datasetId: "mc_eu_analyst_views",
        role: "READER",
        groupByEmail: "analysts@mediconnect.example",
      },
      {
        datasetId: "mc_eu_clinical",
        role: "READER",
        groupByEmail: "clinical-data@mediconnect.example",
      },
      {
        datasetId: "mc_eu_clinical",
        role: "READER",
        userByEmail: `etl@${project}.iam.gserviceaccount.com`,
      },
      {
        datasetId: "mc_eu_clinical",
        view: {
          projectId: project,
          datasetId: "mc_eu_analyst_views",
          tableId: "observations_deidentified",
        },
      },
    ]);
    expect(JSON.stringify(recorded.map((r) => r.inputs))).not.toMatch(
      /allUsers|allAuthenticatedUsers/,
    );
  });

  it.each([
    [{ maxTimeTravelHours: 60 }, "[maxTimeTravelHours] must be a multiple of 24, received 60"],
    [
      { maxTimeTravelHours: 24 },
      "[maxTimeTravelHours] must be a whole number from 48 (2 days) to 168 (7 days), received 24",
    ],
    [
      { readers: ["allUsers"] },
      '[readers] and [analystGroups] take group:<email> or serviceAccount:<email>, received "allUsers"',
    ],
    [
      { analystGroups: ["serviceAccount:a@b.c"] },
      "[analystGroups] takes groups only, received serviceAccount:a@b.c",
    ],
  ])("rejects %j", (extra, message) => {
    expect(
      () =>
        new bq.AnalyticsWarehouse("bad", {
          namePrefix: "mc",
          projectId: project,
          location: "EU",
          kmsKeyId: "k",
          readers: [],
          analystGroups: [],
          ...extra,
        }),
    ).toThrow(`AnalyticsWarehouse bad: ${message}`);
  });
});

describe("ClinicalRecords", () => {
  it("runs an Enterprise Plus instance in eur3", () => {
    expect(one(recorded, "gcp:spanner/instance:Instance", "records-instance").inputs).toEqual({
      name: "mc-eu-records",
      displayName: "mc-eu-records",
      config: "eur3",
      processingUnits: 1000,
      edition: "ENTERPRISE_PLUS",
      forceDestroy: false,
    });
  });

  it("encrypts the database with one key per replica region, protects it and bounds version retention", () => {
    expect(one(recorded, "gcp:spanner/database:Database", "records-database").inputs).toEqual({
      instance: "mc-eu-records",
      name: "clinical",
      databaseDialect: "GOOGLE_STANDARD_SQL",
      ddls: [...spanner.clinicalRecordsDdl],
      encryptionConfig: { kmsKeyNames: spannerKeys },
      versionRetentionPeriod: "7d",
      enableDropProtection: true,
      deletionProtection: true,
      defaultTimeZone: "UTC",
    });
  });

  it("keys every table by patient and cascades a patient's deletion", () => {
    const tables = spanner.clinicalRecordsDdl.filter((d) => d.startsWith("CREATE TABLE"));
    expect(tables.map((t) => /PRIMARY KEY \((\w+)/.exec(t)?.[1])).toEqual([
      "PatientId",
      "PatientId",
      "PatientId",
      "PatientId",
    ]);
    expect(
      tables.slice(1).every((t) => t.includes("INTERLEAVE IN PARENT Patients ON DELETE CASCADE")),
    ).toBe(true);
  });

  it("takes a daily full backup kept 7 days, encrypted with the same keys", () => {
    expect(
      one(recorded, "gcp:spanner/backupSchedule:BackupSchedule", "records-daily-backup").inputs,
    ).toEqual({
      instance: "mc-eu-records",
      database: "clinical",
      name: "daily-full",
      retentionDuration: "604800s",
      spec: { cronSpec: { text: "0 2 * * *" } },
      fullBackupSpec: {},
      encryptionConfig: { encryptionType: "CUSTOMER_MANAGED_ENCRYPTION", kmsKeyNames: spannerKeys },
    });
  });

  it.each([
    [{ kmsKeyIds: [] }, "[kmsKeyIds] must list one key per replica region, received none"],
    [
      { versionRetentionPeriod: "8d" },
      '[versionRetentionPeriod] must be a duration from 1h to 7d such as "7d" or "36h", received "8d"',
    ],
    [
      { backupRetentionDays: 0 },
      "[backupRetentionDays] must be a whole number from 1 to 365, received 0",
    ],
  ])("rejects %j", (extra, message) => {
    expect(
      () =>
        new spanner.ClinicalRecords("bad", {
          namePrefix: "mc",
          config: "regional-europe-west3",
          kmsKeyIds: ["k"],
          ...extra,
        }),
    ).toThrow(`ClinicalRecords bad: ${message}`);
  });
});
