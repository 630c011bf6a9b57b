import type { ResourceValidationPolicy } from "@pulumi/policy";
import {
  gcpLoggingProjectBucketConfigConfigureRetention,
  gcpLoggingProjectBucketConfigEnableLock,
} from "../../../../policies/gcp/logging";
import { checkResource, unknown } from "../../harness";

const type = "gcp:logging/projectBucketConfig:ProjectBucketConfig";
const check = (policy: ResourceValidationPolicy, props: Record<string, unknown>, config = {}) =>
  checkResource(
    policy,
    { type, props: { project: "p", location: "europe-west3", bucketId: "audit", ...props } },
    config,
  );

describe("gcp-logging-projectbucketconfig-configure-retention", () => {
  const policy = gcpLoggingProjectBucketConfigConfigureRetention;
  const ids = "(Control ID: HIPAA 164.316(b)(2); HIPAA 164.312(b); GDPR Art. 33)";
  it.each([2190, 3650])("passes %i days", async (retentionDays) => {
    expect(await check(policy, { retentionDays })).toEqual({
      violations: [],
      indeterminate: false,
    });
  });
  it("fails less than six years", async () => {
    expect((await check(policy, { retentionDays: 365 })).violations).toEqual([
      `retentionDays is 365; set at least 2190. ${ids}`,
    ]);
  });
  it("fails when absent (30 days)", async () => {
    expect((await check(policy, {})).violations).toEqual([
      `retentionDays is not set (defaults to 30); set at least 2190. ${ids}`,
    ]);
  });
  it("fails 0, which means the default", async () => {
    expect((await check(policy, { retentionDays: 0 })).violations).toEqual([
      `retentionDays is 0 (the default, 30 days); set at least 2190. ${ids}`,
    ]);
  });
  it("honours minRetentionDays from the config", async () => {
    expect(
      (await check(policy, { retentionDays: 365 }, { minRetentionDays: 365 })).violations,
    ).toEqual([]);
    expect(
      (await check(policy, { retentionDays: 364 }, { minRetentionDays: 365 })).violations,
    ).toEqual([`retentionDays is 364; set at least 365. ${ids}`]);
  });
  it("is indeterminate when unknown", async () => {
    expect(await check(policy, { retentionDays: unknown })).toEqual({
      violations: [],
      indeterminate: true,
    });
  });
  it("is mandatory and declares its setting", () => {
    expect(policy.enforcementLevel).toBe("mandatory");
    expect(policy.configSchema?.properties?.minRetentionDays).toMatchObject({
      type: "integer",
      default: 2190,
    });
  });
});

describe("gcp-logging-projectbucketconfig-enable-lock", () => {
  const policy = gcpLoggingProjectBucketConfigEnableLock;
  const ids = "(Control ID: HIPAA 164.312(c)(1); HIPAA 164.316(b)(2); HIPAA 164.312(b))";
  it("passes a locked bucket", async () => {
    expect(await check(policy, { locked: true, retentionDays: 2190 })).toEqual({
      violations: [],
      indeterminate: false,
    });
  });
  it("fails an unlocked bucket", async () => {
    expect((await check(policy, { locked: false })).violations).toEqual([
      `locked is false; set it to true. ${ids}`,
    ]);
  });
  it("fails when absent", async () => {
    expect((await check(policy, {})).violations).toEqual([
      `locked is not set (defaults to false); set it to true. ${ids}`,
    ]);
  });
  it("is indeterminate when unknown", async () => {
    expect(await check(policy, { locked: unknown })).toEqual({
      violations: [],
      indeterminate: true,
    });
  });
});
