import type { ResourceValidationPolicy } from "@pulumi/policy";
import {
  gcpSqlDatabaseInstanceDisablePublicIp,
  gcpSqlDatabaseInstanceEnableDeletionProtection,
  gcpSqlDatabaseInstanceEnablePointInTimeRecovery,
  gcpSqlDatabaseInstanceEnforceSsl,
  gcpSqlDatabaseInstanceMissingCmek,
} from "../../../../policies/gcp/sql";
import { checkResource, unknown } from "../../harness";

const type = "gcp:sql/databaseInstance:DatabaseInstance";
const network = "(Control ID: HIPAA 164.312(e)(1); HIPAA 164.312(a)(1); GDPR Art. 32)";
const recovery = "(Control ID: HIPAA 164.308(a)(7); HIPAA 164.312(c)(1); GDPR Art. 32)";

/** An instance whose settings are merged into a minimal PostgreSQL instance. */
const check = (
  policy: ResourceValidationPolicy,
  settings: Record<string, unknown>,
  props: Record<string, unknown> = {},
) =>
  checkResource(policy, {
    type,
    props: {
      databaseVersion: "POSTGRES_16",
      region: "europe-west3",
      settings: { tier: "db-custom-2-7680", ...settings },
      ...props,
    },
  });

describe("gcp-sql-databaseinstance-disable-public-ip", () => {
  const policy = gcpSqlDatabaseInstanceDisablePublicIp;
  it("passes a private-IP instance", async () => {
    const settings = {
      ipConfiguration: { ipv4Enabled: false, privateNetwork: "projects/p/global/networks/vpc" },
    };
    expect(await check(policy, settings)).toEqual({ violations: [], indeterminate: false });
  });
  it("fails a public IP", async () => {
    expect((await check(policy, { ipConfiguration: { ipv4Enabled: true } })).violations).toEqual([
      `settings.ipConfiguration.ipv4Enabled is true; set it to false and connect through privateNetwork. ${network}`,
    ]);
  });
  it("fails when ipConfiguration is absent (public IP by default)", async () => {
    expect((await check(policy, {})).violations).toEqual([
      `settings.ipConfiguration.ipv4Enabled is not set (defaults to true, a public IP); set it to false and connect through privateNetwork. ${network}`,
    ]);
  });
  it("is indeterminate when unknown", async () => {
    expect(await check(policy, { ipConfiguration: { ipv4Enabled: unknown } })).toEqual({
      violations: [],
      indeterminate: true,
    });
  });
  it("is not applicable to other types", async () => {
    const out = await checkResource(policy, { type: "gcp:sql/database:Database", props: {} });
    expect(out.notApplicable).toBe(`Policy only applies to resources of type '${type}'`);
  });
});

describe("gcp-sql-databaseinstance-enforce-ssl", () => {
  const policy = gcpSqlDatabaseInstanceEnforceSsl;
  const ids = "(Control ID: HIPAA 164.312(e)(2)(ii); HIPAA 164.312(e)(1); GDPR Art. 32)";
  it.each(["ENCRYPTED_ONLY", "TRUSTED_CLIENT_CERTIFICATE_REQUIRED"])(
    "passes %s",
    async (sslMode) => {
      expect(await check(policy, { ipConfiguration: { sslMode } })).toEqual({
        violations: [],
        indeterminate: false,
      });
    },
  );
  it("fails unencrypted connections allowed", async () => {
    expect(
      (await check(policy, { ipConfiguration: { sslMode: "ALLOW_UNENCRYPTED_AND_ENCRYPTED" } }))
        .violations,
    ).toEqual([
      `settings.ipConfiguration.sslMode is "ALLOW_UNENCRYPTED_AND_ENCRYPTED"; set it to "ENCRYPTED_ONLY" or "TRUSTED_CLIENT_CERTIFICATE_REQUIRED". ${ids}`,
    ]);
  });
  it("fails when absent", async () => {
    expect((await check(policy, {})).violations).toEqual([
      `settings.ipConfiguration.sslMode is not set (defaults to ALLOW_UNENCRYPTED_AND_ENCRYPTED); set it to "ENCRYPTED_ONLY" or "TRUSTED_CLIENT_CERTIFICATE_REQUIRED". ${ids}`,
    ]);
  });
  it("is indeterminate when unknown", async () => {
    expect(await check(policy, { ipConfiguration: { sslMode: unknown } })).toEqual({
      violations: [],
      indeterminate: true,
    });
  });
});

describe("gcp-sql-databaseinstance-enable-point-in-time-recovery", () => {
  const policy = gcpSqlDatabaseInstanceEnablePointInTimeRecovery;
  it("passes backups with point-in-time recovery", async () => {
    const settings = { backupConfiguration: { enabled: true, pointInTimeRecoveryEnabled: true } };
    expect(await check(policy, settings)).toEqual({ violations: [], indeterminate: false });
  });
  it("passes MySQL with binary logging", async () => {
    const settings = { backupConfiguration: { enabled: true, binaryLogEnabled: true } };
    expect((await check(policy, settings, { databaseVersion: "MYSQL_8_0" })).violations).toEqual(
      [],
    );
  });
  it("passes Enterprise Plus PostgreSQL, where point-in-time recovery is on by default", async () => {
    const settings = { edition: "ENTERPRISE_PLUS", backupConfiguration: { enabled: true } };
    expect((await check(policy, settings)).violations).toEqual([]);
  });
  it("passes a read replica, which cannot have backups", async () => {
    expect((await check(policy, {}, { masterInstanceName: "primary" })).violations).toEqual([]);
  });
  it("fails backups and recovery turned off", async () => {
    const settings = { backupConfiguration: { enabled: false, pointInTimeRecoveryEnabled: false } };
    expect((await check(policy, settings)).violations).toEqual([
      `settings.backupConfiguration.enabled is false; set it to true. ${recovery}`,
      `settings.backupConfiguration.pointInTimeRecoveryEnabled is false; set it to true. ${recovery}`,
    ]);
  });
  it("fails when backupConfiguration is absent", async () => {
    expect((await check(policy, {})).violations).toEqual([
      `settings.backupConfiguration.enabled is not set (defaults to false); set it to true. ${recovery}`,
      `settings.backupConfiguration.pointInTimeRecoveryEnabled is not set (defaults to false); set it to true. ${recovery}`,
    ]);
  });
  it("fails MySQL without binary logging", async () => {
    const settings = { backupConfiguration: { enabled: true } };
    expect((await check(policy, settings, { databaseVersion: "MYSQL_8_0" })).violations).toEqual([
      `settings.backupConfiguration.binaryLogEnabled is not set (defaults to false) on MYSQL_8_0; set it to true for point-in-time recovery. ${recovery}`,
    ]);
  });
  it("is indeterminate when recovery is unknown", async () => {
    const settings = {
      backupConfiguration: { enabled: true, pointInTimeRecoveryEnabled: unknown },
    };
    expect(await check(policy, settings)).toEqual({ violations: [], indeterminate: true });
  });
});

describe("gcp-sql-databaseinstance-enable-deletion-protection", () => {
  const policy = gcpSqlDatabaseInstanceEnableDeletionProtection;
  it("passes both protections", async () => {
    expect(
      await check(policy, { deletionProtectionEnabled: true }, { deletionProtection: true }),
    ).toEqual({
      violations: [],
      indeterminate: false,
    });
  });
  it("passes the Pulumi default (true) with the Google Cloud flag on", async () => {
    expect((await check(policy, { deletionProtectionEnabled: true })).violations).toEqual([]);
  });
  it("fails both turned off", async () => {
    expect(
      (await check(policy, { deletionProtectionEnabled: false }, { deletionProtection: false }))
        .violations,
    ).toEqual([
      `deletionProtection is false; set it to true. ${recovery}`,
      `settings.deletionProtectionEnabled is false; set it to true. ${recovery}`,
    ]);
  });
  it("fails when the Google Cloud flag is absent", async () => {
    expect((await check(policy, {})).violations).toEqual([
      `settings.deletionProtectionEnabled is not set (defaults to false); set it to true. ${recovery}`,
    ]);
  });
  it("is indeterminate when unknown", async () => {
    expect(
      await check(policy, { deletionProtectionEnabled: true }, { deletionProtection: unknown }),
    ).toEqual({
      violations: [],
      indeterminate: true,
    });
  });
});

describe("gcp-sql-databaseinstance-missing-cmek", () => {
  const policy = gcpSqlDatabaseInstanceMissingCmek;
  const message =
    "encryptionKeyName is not set, so the instance uses Google-managed keys; set it to a Cloud KMS key. (Control ID: HIPAA 164.312(a)(2)(iv); GDPR Art. 32)";
  it("passes a KMS key", async () => {
    const props = {
      encryptionKeyName: "projects/p/locations/europe-west3/keyRings/r/cryptoKeys/sql",
    };
    expect(await check(policy, {}, props)).toEqual({ violations: [], indeterminate: false });
  });
  it("fails an empty key and an absent key", async () => {
    expect((await check(policy, {}, { encryptionKeyName: "" })).violations).toEqual([message]);
    expect((await check(policy, {})).violations).toEqual([message]);
  });
  it("is indeterminate when unknown", async () => {
    expect(await check(policy, {}, { encryptionKeyName: unknown })).toEqual({
      violations: [],
      indeterminate: true,
    });
  });
});
