import type { ResourceValidationPolicy } from "@pulumi/policy";
import {
  gcpStorageBucketEnableUniformBucketLevelAccess,
  gcpStorageBucketEnableVersioning,
  gcpStorageBucketEnforcePublicAccessPrevention,
  gcpStorageBucketIamBindingDisallowPublicPrincipal,
  gcpStorageBucketIamMemberDisallowPublicPrincipal,
  gcpStorageBucketMissingCmek,
} from "../../../../policies/gcp/storage";
import { checkResource, unknown } from "../../harness";
import { describeBindingPolicy, describeMemberPolicy } from "../iam";

const type = "gcp:storage/bucket:Bucket";
const access = "(Control ID: HIPAA 164.312(a)(1); GDPR Art. 32; GDPR Art. 25)";
const check = (policy: ResourceValidationPolicy, props: Record<string, unknown>) =>
  checkResource(policy, { type, props: { location: "EU", ...props } });

describe("gcp-storage-bucket-enable-uniform-bucket-level-access", () => {
  const policy = gcpStorageBucketEnableUniformBucketLevelAccess;
  it("passes uniform bucket-level access", async () => {
    expect(await check(policy, { uniformBucketLevelAccess: true })).toEqual({
      violations: [],
      indeterminate: false,
    });
  });
  it("fails it turned off", async () => {
    expect((await check(policy, { uniformBucketLevelAccess: false })).violations).toEqual([
      `uniformBucketLevelAccess is false; set it to true. ${access}`,
    ]);
  });
  it("fails when absent (defaults to false)", async () => {
    expect((await check(policy, {})).violations).toEqual([
      `uniformBucketLevelAccess is not set (defaults to false); set it to true. ${access}`,
    ]);
  });
  it("is indeterminate when unknown", async () => {
    expect(await check(policy, { uniformBucketLevelAccess: unknown })).toEqual({
      violations: [],
      indeterminate: true,
    });
  });
  it("is not applicable to other types", async () => {
    const out = await checkResource(policy, {
      type: "gcp:storage/bucketObject:BucketObject",
      props: {},
    });
    expect(out.notApplicable).toBe(`Policy only applies to resources of type '${type}'`);
  });
});

describe("gcp-storage-bucket-enforce-public-access-prevention", () => {
  const policy = gcpStorageBucketEnforcePublicAccessPrevention;
  it("passes enforced", async () => {
    expect(await check(policy, { publicAccessPrevention: "enforced" })).toEqual({
      violations: [],
      indeterminate: false,
    });
  });
  it("fails inherited", async () => {
    expect((await check(policy, { publicAccessPrevention: "inherited" })).violations).toEqual([
      `publicAccessPrevention is "inherited"; set it to "enforced". ${access}`,
    ]);
  });
  it("fails when absent", async () => {
    expect((await check(policy, {})).violations).toEqual([
      `publicAccessPrevention is not set (defaults to "inherited"); set it to "enforced". ${access}`,
    ]);
  });
  it("is indeterminate when unknown", async () => {
    expect(await check(policy, { publicAccessPrevention: unknown })).toEqual({
      violations: [],
      indeterminate: true,
    });
  });
});

describe("gcp-storage-bucket-missing-cmek", () => {
  const policy = gcpStorageBucketMissingCmek;
  const message =
    "encryption.defaultKmsKeyName is not set, so objects use Google-managed keys; set it to a Cloud KMS key. (Control ID: HIPAA 164.312(a)(2)(iv); GDPR Art. 32)";
  it("passes a default KMS key", async () => {
    const props = {
      encryption: { defaultKmsKeyName: "projects/p/locations/europe/keyRings/r/cryptoKeys/gcs" },
    };
    expect(await check(policy, props)).toEqual({ violations: [], indeterminate: false });
  });
  it("fails an empty key name", async () => {
    expect((await check(policy, { encryption: { defaultKmsKeyName: "" } })).violations).toEqual([
      message,
    ]);
  });
  it("fails when encryption is absent", async () => {
    expect((await check(policy, {})).violations).toEqual([message]);
  });
  it("is indeterminate when the key is unknown", async () => {
    expect(await check(policy, { encryption: { defaultKmsKeyName: unknown } })).toEqual({
      violations: [],
      indeterminate: true,
    });
  });
});

describe("gcp-storage-bucket-enable-versioning", () => {
  const policy = gcpStorageBucketEnableVersioning;
  const ids = "(Control ID: HIPAA 164.308(a)(7); HIPAA 164.312(c)(1); GDPR Art. 32)";
  it("passes versioning", async () => {
    expect(await check(policy, { versioning: { enabled: true } })).toEqual({
      violations: [],
      indeterminate: false,
    });
  });
  it("fails versioning turned off", async () => {
    expect((await check(policy, { versioning: { enabled: false } })).violations).toEqual([
      `versioning.enabled is false; set it to true. ${ids}`,
    ]);
  });
  it("fails when versioning is absent", async () => {
    expect((await check(policy, {})).violations).toEqual([
      `versioning.enabled is not set (versioning is off); set it to true. ${ids}`,
    ]);
  });
  it("is indeterminate when unknown", async () => {
    expect(await check(policy, { versioning: { enabled: unknown } })).toEqual({
      violations: [],
      indeterminate: true,
    });
  });
});

describeMemberPolicy({
  policy: gcpStorageBucketIamMemberDisallowPublicPrincipal,
  type: "gcp:storage/bucketIAMMember:BucketIAMMember",
  what: "bucket",
  ids: access,
});
describeBindingPolicy({
  policy: gcpStorageBucketIamBindingDisallowPublicPrincipal,
  type: "gcp:storage/bucketIAMBinding:BucketIAMBinding",
  what: "bucket",
  ids: access,
});
