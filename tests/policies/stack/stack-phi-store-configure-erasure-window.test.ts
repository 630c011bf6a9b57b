import { stackPhiStoreConfigureErasureWindow as policy } from "../../../policies/stack";
import { checkStack, unknown } from "../harness";
import { controls, resource } from "./fixtures";

const c = controls.erasure;
const stream = (retentionPeriod?: unknown) =>
  resource("aws:kinesis/stream:Stream", "vitals-stream", {
    encryptionType: "KMS",
    ...(retentionPeriod === undefined ? {} : { retentionPeriod }),
  });
const dataset = (maxTimeTravelHours?: string) =>
  resource("gcp:bigquery/dataset:Dataset", "vitals", {
    datasetId: "vitals",
    location: "EU",
    ...(maxTimeTravelHours ? { maxTimeTravelHours } : {}),
  });
const database = (versionRetentionPeriod?: string) =>
  resource("gcp:spanner/database:Database", "records-db", {
    instance: "records",
    ...(versionRetentionPeriod ? { versionRetentionPeriod } : {}),
  });
const table = (pointInTimeRecovery?: Record<string, unknown>) =>
  resource("aws:dynamodb/table:Table", "appointments-table", {
    ...(pointInTimeRecovery ? { pointInTimeRecovery } : {}),
  });
const fhir = (policyDefault?: string) =>
  resource("azure-native:healthcareapis:FhirService", "fhir", {
    kind: "fhir-R4",
    ...(policyDefault ? { resourceVersionPolicyConfiguration: { default: policyDefault } } : {}),
  });

describe("stack-phi-store-configure-erasure-window", () => {
  it("passes windows inside 30 days", async () => {
    const out = await checkStack(policy, [
      stream(168),
      dataset("48"),
      database("7d"),
      table({ enabled: true, recoveryPeriodInDays: 14 }),
      fhir("no-version"),
    ]);
    expect(out).toEqual({ violations: [], byUrn: [], indeterminate: false });
  });

  it("reports each store whose window is too long on its URN", async () => {
    const s = stream(8760);
    const db = database("2400h");
    const t = table({ enabled: true, recoveryPeriodInDays: 35 });
    const f = fhir("versioned");
    const out = await checkStack(policy, [s, db, t, f]);
    expect(out.byUrn).toEqual([
      {
        urn: s.urn,
        message: `Kinesis stream vitals-stream keeps erased data for 365 days (retentionPeriod 8760 hours); an erasure must complete within 30 days. ${c}`,
      },
      {
        urn: t.urn,
        message: `DynamoDB table appointments-table keeps erased data for 35 days (point-in-time recovery for 35 days); an erasure must complete within 30 days. ${c}`,
      },
      {
        urn: db.urn,
        message: `Spanner database records-db keeps erased data for 100 days (versionRetentionPeriod 2400h); an erasure must complete within 30 days. ${c}`,
      },
      {
        urn: f.urn,
        message: `FHIR service fhir keeps resource history (resourceVersionPolicyConfiguration default versioned), so erased resources stay readable until purged; run $purge-history in the erasure workflow and set fhirPurgeAutomation: true, or use no-version. ${c}`,
      },
    ]);
  });

  it("applies provider defaults when properties are absent", async () => {
    const f = fhir();
    const ds = dataset();
    const out = await checkStack(
      policy,
      [stream(), ds, database(), table({ enabled: true }), table(), f],
      { maxErasureDays: 10 },
    );
    expect(out.violations).toEqual([
      `DynamoDB table appointments-table keeps erased data for 35 days (point-in-time recovery for 35 days); an erasure must complete within 10 days. ${c}`,
      `BigQuery dataset vitals keeps erased data for 14 days (time travel 168 hours plus the 7-day fail-safe); an erasure must complete within 10 days. ${c}`,
      `FHIR service fhir keeps resource history (resourceVersionPolicyConfiguration default versioned), so erased resources stay readable until purged; run $purge-history in the erasure workflow and set fhirPurgeAutomation: true, or use no-version. ${c}`,
    ]);
  });

  it("honours fhirPurgeAutomation, maxErasureDays and unlabelledIsPhi", async () => {
    expect(
      (await checkStack(policy, [fhir("versioned")], { fhirPurgeAutomation: true })).violations,
    ).toEqual([]);
    expect((await checkStack(policy, [stream(8760)], { maxErasureDays: 400 })).violations).toEqual(
      [],
    );
    expect(
      (await checkStack(policy, [stream(8760)], { unlabelledIsPhi: false })).violations,
    ).toEqual([]);
  });

  it("reports an unparsable Spanner retention", async () => {
    expect((await checkStack(policy, [database("one week")])).violations).toEqual([
      `Spanner database records-db has versionRetentionPeriod "one week", which is not a duration such as "7d"; expected at most 30 days. ${c}`,
    ]);
  });

  it("is indeterminate when a retention is unknown", async () => {
    expect(await checkStack(policy, [stream(unknown)])).toMatchObject({
      violations: [],
      indeterminate: true,
    });
  });
});
