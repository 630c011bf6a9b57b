import type { ResourceValidationPolicy } from "@pulumi/policy";
import {
  gcpBigqueryDatasetConfigureTimeTravel,
  gcpBigqueryDatasetDisallowPublicAccess,
  gcpBigqueryDatasetIamBindingDisallowPublicPrincipal,
  gcpBigqueryDatasetIamMemberDisallowPublicPrincipal,
  gcpBigqueryDatasetMissingCmek,
  gcpBigqueryTableEnableDeletionProtection,
  gcpBigqueryTableMissingCmek,
} from "../../../../policies/gcp/bigquery";
import { checkResource, unknown } from "../../harness";
import { describeBindingPolicy, describeMemberPolicy } from "../iam";

const dataset = "gcp:bigquery/dataset:Dataset";
const table = "gcp:bigquery/table:Table";
const encryption = "(Control ID: HIPAA 164.312(a)(2)(iv); GDPR Art. 32)";
const key = "projects/p/locations/eu/keyRings/r/cryptoKeys/bq";
const check = (
  policy: ResourceValidationPolicy,
  type: string,
  props: Record<string, unknown>,
  config = {},
) => checkResource(policy, { type, props }, config);

describe("gcp-bigquery-dataset-missing-cmek", () => {
  const policy = gcpBigqueryDatasetMissingCmek;
  it("passes a default key", async () => {
    expect(
      await check(policy, dataset, { defaultEncryptionConfiguration: { kmsKeyName: key } }),
    ).toEqual({
      violations: [],
      indeterminate: false,
    });
  });
  it("fails a dataset without a default key", async () => {
    expect((await check(policy, dataset, {})).violations).toEqual([
      `defaultEncryptionConfiguration.kmsKeyName is not set, so tables use Google-managed keys; set it to a Cloud KMS key. ${encryption}`,
    ]);
  });
  it("is indeterminate when the key is unknown", async () => {
    expect(
      await check(policy, dataset, { defaultEncryptionConfiguration: { kmsKeyName: unknown } }),
    ).toEqual({
      violations: [],
      indeterminate: true,
    });
  });
});

describe("gcp-bigquery-dataset-disallow-public-access", () => {
  const policy = gcpBigqueryDatasetDisallowPublicAccess;
  const ids = "(Control ID: HIPAA 164.312(a)(1); GDPR Art. 32; GDPR Art. 25)";
  it("passes named access entries and no entries", async () => {
    const props = {
      accesses: [
        { role: "OWNER", specialGroup: "projectOwners" },
        { role: "READER", groupByEmail: "a@example.org" },
      ],
    };
    expect((await check(policy, dataset, props)).violations).toEqual([]);
    expect((await check(policy, dataset, {})).violations).toEqual([]);
  });
  it("fails allAuthenticatedUsers and allUsers entries", async () => {
    const props = {
      accesses: [
        { role: "OWNER", specialGroup: "projectOwners" },
        { role: "READER", specialGroup: "allAuthenticatedUsers" },
        { role: "READER", iamMember: "allUsers" },
      ],
    };
    expect((await check(policy, dataset, props)).violations).toEqual([
      `accesses[1] grants READER to allAuthenticatedUsers; remove it. ${ids}`,
      `accesses[2] grants READER to allUsers; remove it. ${ids}`,
    ]);
  });
  it("is indeterminate when an entry is unknown", async () => {
    expect(
      (await check(policy, dataset, { accesses: [{ role: "READER", specialGroup: unknown }] }))
        .indeterminate,
    ).toBe(true);
  });
});

describe("gcp-bigquery-dataset-configure-time-travel", () => {
  const policy = gcpBigqueryDatasetConfigureTimeTravel;
  const ids = "(Control ID: GDPR Art. 17; GDPR Art. 5(1)(e))";
  it("passes every window BigQuery accepts by default, and the default when absent", async () => {
    for (const hours of ["48", "168"]) {
      expect((await check(policy, dataset, { maxTimeTravelHours: hours })).violations).toEqual([]);
    }
    expect((await check(policy, dataset, {})).violations).toEqual([]);
  });
  it("fails a window above BigQuery's 168-hour maximum", async () => {
    expect((await check(policy, dataset, { maxTimeTravelHours: "192" })).violations).toEqual([
      `maxTimeTravelHours is 192; the maximum is 168 hours. ${ids}`,
    ]);
  });
  it("with a 48-hour erasure window configured, fails 168 hours and the 168-hour default", async () => {
    const config = { maxTimeTravelHours: 48 };
    expect(
      (await check(policy, dataset, { maxTimeTravelHours: "168" }, config)).violations,
    ).toEqual([`maxTimeTravelHours is 168; the maximum is 48 hours. ${ids}`]);
    expect((await check(policy, dataset, {}, config)).violations).toEqual([
      `maxTimeTravelHours is not set (defaults to 168 hours); set it to at most "48". ${ids}`,
    ]);
    expect((await check(policy, dataset, { maxTimeTravelHours: "48" }, config)).violations).toEqual(
      [],
    );
  });
  it("fails a value that is not a number", async () => {
    expect((await check(policy, dataset, { maxTimeTravelHours: "two days" })).violations).toEqual([
      `maxTimeTravelHours "two days" is not a number of hours. ${ids}`,
    ]);
  });
  it("honours maxTimeTravelHours from the config", async () => {
    expect(
      (await check(policy, dataset, { maxTimeTravelHours: "96" }, { maxTimeTravelHours: 96 }))
        .violations,
    ).toEqual([]);
    expect(
      (await check(policy, dataset, { maxTimeTravelHours: "120" }, { maxTimeTravelHours: 96 }))
        .violations,
    ).toEqual([`maxTimeTravelHours is 120; the maximum is 96 hours. ${ids}`]);
  });
  it("is indeterminate when unknown", async () => {
    expect(await check(policy, dataset, { maxTimeTravelHours: unknown })).toEqual({
      violations: [],
      indeterminate: true,
    });
  });
});

describe("gcp-bigquery-table-enable-deletion-protection", () => {
  const policy = gcpBigqueryTableEnableDeletionProtection;
  it("passes true and the default", async () => {
    expect((await check(policy, table, { deletionProtection: true })).violations).toEqual([]);
    expect((await check(policy, table, {})).violations).toEqual([]);
  });
  it("fails false", async () => {
    expect((await check(policy, table, { deletionProtection: false })).violations).toEqual([
      "deletionProtection is false; set it to true. (Control ID: HIPAA 164.308(a)(7); HIPAA 164.312(c)(1))",
    ]);
  });
  it("is indeterminate when unknown", async () => {
    expect((await check(policy, table, { deletionProtection: unknown })).indeterminate).toBe(true);
  });
});

describe("gcp-bigquery-table-missing-cmek", () => {
  const policy = gcpBigqueryTableMissingCmek;
  it("passes a table key", async () => {
    expect(
      (await check(policy, table, { encryptionConfiguration: { kmsKeyName: key } })).violations,
    ).toEqual([]);
  });
  it("passes a logical view, which stores no data", async () => {
    expect(
      (await check(policy, table, { view: { query: "SELECT 1", useLegacySql: false } })).violations,
    ).toEqual([]);
  });
  it("judges a materialized view as a table: it stores data", async () => {
    expect(
      (await check(policy, table, { materializedView: { query: "SELECT 1" } })).violations,
    ).toEqual([
      `encryptionConfiguration.kmsKeyName is not set; the table uses its dataset's default key if one exists, otherwise Google-managed keys. ${encryption}`,
    ]);
  });
  it("reports a table without its own key", async () => {
    expect((await check(policy, table, {})).violations).toEqual([
      `encryptionConfiguration.kmsKeyName is not set; the table uses its dataset's default key if one exists, otherwise Google-managed keys. ${encryption}`,
    ]);
  });
  it("is advisory", () => {
    expect(policy.enforcementLevel).toBe("advisory");
  });
  it("is indeterminate when unknown", async () => {
    expect(
      (await check(policy, table, { encryptionConfiguration: { kmsKeyName: unknown } }))
        .indeterminate,
    ).toBe(true);
  });
});

describeMemberPolicy({
  policy: gcpBigqueryDatasetIamMemberDisallowPublicPrincipal,
  type: "gcp:bigquery/datasetIamMember:DatasetIamMember",
  what: "dataset",
  ids: "(Control ID: HIPAA 164.312(a)(1); GDPR Art. 32)",
});
describeBindingPolicy({
  policy: gcpBigqueryDatasetIamBindingDisallowPublicPrincipal,
  type: "gcp:bigquery/datasetIamBinding:DatasetIamBinding",
  what: "dataset",
  ids: "(Control ID: HIPAA 164.312(a)(1); GDPR Art. 32)",
});
