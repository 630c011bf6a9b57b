/** Checks an RDS instance and an Aurora cluster share: the same properties, the same rule. */
import type { PolicyConfigSchema } from "@pulumi/policy";
import type { ResourceCheckContext } from "../../lib/define";
import { configOf, shown } from "./format";

export const defaultMinBackupRetentionDays = 7;

export const backupRetentionSchema: PolicyConfigSchema = {
  properties: {
    minBackupRetentionDays: {
      type: "integer",
      minimum: 1,
      maximum: 35,
      default: defaultMinBackupRetentionDays,
      description: "Shortest automated backup retention allowed.",
    },
  },
};

export function checkBackupRetention(
  db: { backupRetentionPeriod?: number },
  { args, report }: ResourceCheckContext,
): void {
  const { minBackupRetentionDays } = configOf(args, {
    minBackupRetentionDays: defaultMinBackupRetentionDays,
  });
  const days = db.backupRetentionPeriod;
  if (days === undefined || days < minBackupRetentionDays) {
    report(
      `backupRetentionPeriod is ${shown(days)}; expected at least ${minBackupRetentionDays} days.`,
    );
  }
}

export function checkStorageEncryption(
  db: { storageEncrypted?: boolean; kmsKeyId?: string },
  { report }: ResourceCheckContext,
): void {
  if (db.storageEncrypted !== true) {
    report(
      `storageEncrypted is ${shown(db.storageEncrypted)}; expected true with a customer-managed kmsKeyId.`,
    );
  } else if (db.kmsKeyId === undefined) {
    report(
      "storageEncrypted is true but kmsKeyId is not set (the AWS managed aws/rds key); expected a customer-managed KMS key ARN.",
    );
  }
}

/**
 * The log export an engine's audit trail needs, or undefined when the engine is not one this rule knows: PostgreSQL
 * engines write connections and pgaudit records to "postgresql", MySQL, MariaDB and Oracle to "audit".
 */
export function auditLogExport(engine: string | undefined): string | undefined {
  const e = (engine ?? "").toLowerCase();
  if (e.includes("postgres")) {
    return "postgresql";
  }
  if (/mysql|mariadb|^aurora$|oracle/.test(e)) {
    return "audit";
  }
  return undefined;
}

/** A finding unless the exports include the engine's audit log (any export at all for an engine not known here). */
export function missingLogExport(
  engine: string | undefined,
  exports: readonly string[] | undefined,
): string | undefined {
  const list = exports ?? [];
  const needed = auditLogExport(engine);
  if (needed === undefined) {
    return list.length > 0
      ? undefined
      : "enabledCloudwatchLogsExports is not set (no logs leave the database); expected the engine's audit log.";
  }
  return list.includes(needed)
    ? undefined
    : `enabledCloudwatchLogsExports is ${list.length === 0 ? "not set (no logs leave the database)" : JSON.stringify(list)}; expected it to include "${needed}" for engine ${JSON.stringify(engine ?? "")}.`;
}
