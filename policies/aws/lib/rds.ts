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
