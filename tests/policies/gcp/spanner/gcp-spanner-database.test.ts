import type { ResourceValidationPolicy } from "@pulumi/policy";
import {
  gcpSpannerDatabaseConfigureVersionRetention,
  gcpSpannerDatabaseEnableDropProtection,
  gcpSpannerDatabaseMissingCmek,
} from "../../../../policies/gcp/spanner";
import { checkResource, unknown } from "../../harness";

const type = "gcp:spanner/database:Database";
const check = (policy: ResourceValidationPolicy, props: Record<string, unknown>, config = {}) =>
  checkResource(policy, { type, props: { instance: "i", ...props } }, config);

describe("gcp-spanner-database-missing-cmek", () => {
  const policy = gcpSpannerDatabaseMissingCmek;
  const message =
    "encryptionConfig.kmsKeyName is not set, so the database uses Google-managed keys; set it to a Cloud KMS key. (Control ID: HIPAA 164.312(a)(2)(iv); GDPR Art. 32)";
  it.each([
    [{ kmsKeyName: "projects/p/locations/eur3/keyRings/r/cryptoKeys/k" }],
    [{ kmsKeyNames: ["k1", "k2"] }],
  ])("passes %j", async (encryptionConfig) => {
    expect(await check(policy, { encryptionConfig })).toEqual({
      violations: [],
      indeterminate: false,
    });
  });
  it("fails without encryptionConfig", async () => {
    expect((await check(policy, {})).violations).toEqual([message]);
  });
  it("is indeterminate when the key is unknown", async () => {
    expect((await check(policy, { encryptionConfig: { kmsKeyName: unknown } })).indeterminate).toBe(
      true,
    );
  });
});

describe("gcp-spanner-database-enable-drop-protection", () => {
  const policy = gcpSpannerDatabaseEnableDropProtection;
  const ids = "(Control ID: HIPAA 164.308(a)(7); HIPAA 164.312(c)(1); GDPR Art. 32)";
  it("passes both protections", async () => {
    expect(
      (await check(policy, { deletionProtection: true, enableDropProtection: true })).violations,
    ).toEqual([]);
  });
  it("fails both turned off", async () => {
    expect(
      (await check(policy, { deletionProtection: false, enableDropProtection: false })).violations,
    ).toEqual([
      `deletionProtection is false; set it to true. ${ids}`,
      `enableDropProtection is false; set it to true. ${ids}`,
    ]);
  });
  it("fails when drop protection is absent", async () => {
    expect((await check(policy, {})).violations).toEqual([
      `enableDropProtection is not set (false); set it to true. ${ids}`,
    ]);
  });
  it("is indeterminate when drop protection is unknown", async () => {
    expect(await check(policy, { enableDropProtection: unknown })).toEqual({
      violations: [],
      indeterminate: true,
    });
  });
});

describe("gcp-spanner-database-configure-version-retention", () => {
  const policy = gcpSpannerDatabaseConfigureVersionRetention;
  const ids = "(Control ID: GDPR Art. 17; GDPR Art. 5(1)(e); HIPAA 164.308(a)(7))";
  it.each(["7d", "36h", "90m", "3600s"])("passes %s", async (period) => {
    expect((await check(policy, { versionRetentionPeriod: period })).violations).toEqual([]);
  });
  it("passes the default (one hour) when absent", async () => {
    expect((await check(policy, {})).violations).toEqual([]);
  });
  it("fails more than the maximum", async () => {
    expect((await check(policy, { versionRetentionPeriod: "169h" })).violations).toEqual([
      `versionRetentionPeriod is "169h"; the maximum is 7 days ("7d"). ${ids}`,
    ]);
  });
  it("fails a value that is not a duration", async () => {
    expect((await check(policy, { versionRetentionPeriod: "1 week" })).violations).toEqual([
      `versionRetentionPeriod "1 week" is not a duration such as "7d" or "36h". ${ids}`,
    ]);
  });
  it("honours maxRetentionDays from the config", async () => {
    expect(
      (await check(policy, { versionRetentionPeriod: "3d" }, { maxRetentionDays: 2 })).violations,
    ).toEqual([`versionRetentionPeriod is "3d"; the maximum is 2 days ("2d"). ${ids}`]);
    expect(
      (await check(policy, { versionRetentionPeriod: "2d" }, { maxRetentionDays: 2 })).violations,
    ).toEqual([]);
  });
  it("is indeterminate when unknown", async () => {
    expect(await check(policy, { versionRetentionPeriod: unknown })).toEqual({
      violations: [],
      indeterminate: true,
    });
  });
});
