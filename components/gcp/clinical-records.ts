import * as pulumi from "@pulumi/pulumi";
import * as gcp from "@pulumi/gcp";
import { physicalName } from "../shared/naming";
import { wholeNumber } from "../shared/validate";

/**
 * The clinical records schema. Every table is interleaved in Patients and keyed by PatientId first, with
 * ON DELETE CASCADE: deleting a patient's row erases every row of theirs in one statement, and a key-range read
 * finds them all. Pseudonym is the keyed hash other systems (logs, analytics) know the patient by.
 */
export const clinicalRecordsDdl: readonly string[] = [
  `CREATE TABLE Patients (
  PatientId STRING(36) NOT NULL,
  Pseudonym STRING(64) NOT NULL,
  CreatedAt TIMESTAMP NOT NULL OPTIONS (allow_commit_timestamp = true),
) PRIMARY KEY (PatientId)`,
  "CREATE UNIQUE INDEX PatientsByPseudonym ON Patients (Pseudonym)",
  `CREATE TABLE Encounters (
  PatientId STRING(36) NOT NULL,
  EncounterId STRING(36) NOT NULL,
  StartedAt TIMESTAMP NOT NULL,
  Status STRING(32) NOT NULL,
  Resource JSON,
) PRIMARY KEY (PatientId, EncounterId),
  INTERLEAVE IN PARENT Patients ON DELETE CASCADE`,
  `CREATE TABLE Observations (
  PatientId STRING(36) NOT NULL,
  ObservationId STRING(36) NOT NULL,
  EncounterId STRING(36),
  LoincCode STRING(16) NOT NULL,
  EffectiveAt TIMESTAMP NOT NULL,
  Resource JSON,
) PRIMARY KEY (PatientId, ObservationId),
  INTERLEAVE IN PARENT Patients ON DELETE CASCADE`,
  `CREATE TABLE RiskAssessments (
  PatientId STRING(36) NOT NULL,
  AssessmentId STRING(36) NOT NULL,
  ModelEndpoint STRING(64) NOT NULL,
  Score FLOAT64 NOT NULL,
  AssessedAt TIMESTAMP NOT NULL OPTIONS (allow_commit_timestamp = true),
) PRIMARY KEY (PatientId, AssessmentId),
  INTERLEAVE IN PARENT Patients ON DELETE CASCADE`,
];

export interface ClinicalRecordsArgs {
  /** Prefix of the instance and database names. */
  readonly namePrefix: string;
  /** Spanner instance configuration: a multi-region such as `nam3`/`eur3`, or `regional-<region>`. */
  readonly config: string;
  /**
   * One Cloud KMS key per region holding a replica of `config`, in the same order as the regions (a multi-region
   * configuration is protected by regional keys, one in each of its replica regions).
   */
  readonly kmsKeyIds: readonly pulumi.Input<string>[];
  /**
   * Compute capacity in processing units.
   * @default 1000
   */
  readonly processingUnits?: number;
  /**
   * How long old row versions stay readable (point-in-time recovery), "1h" to "7d"; erased rows stay readable as
   * long.
   * @default "7d"
   */
  readonly versionRetentionPeriod?: string;
  /**
   * Days each daily backup is kept; an erased patient stays in backups as long.
   * @default 7
   */
  readonly backupRetentionDays?: number;
  /**
   * Cron (UTC) of the daily full backup.
   * @default "0 2 * * *"
   */
  readonly backupCron?: string;
}

/**
 * Spanner clinical records: an instance in the given configuration (Enterprise Plus for multi-region
 * configurations, which require it), and a database encrypted with customer-managed keys, with drop protection and
 * deletion protection, bounded version retention, the patient-keyed schema above, and a daily full backup schedule
 * with bounded retention, encrypted with the same keys.
 */
export class ClinicalRecords extends pulumi.ComponentResource {
  public readonly instanceName: pulumi.Output<string>;
  public readonly databaseName: pulumi.Output<string>;

  constructor(name: string, args: ClinicalRecordsArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super("mediconnect:gcp:ClinicalRecords", name, {}, opts);
    const where = `ClinicalRecords ${name}`;
    if (args.kmsKeyIds.length === 0) {
      throw new Error(`${where}: [kmsKeyIds] must list one key per replica region, received none`);
    }
    const retention = args.versionRetentionPeriod ?? "7d";
    const match = /^(\d+)([smhd])$/.exec(retention);
    const seconds = match
      ? Number(match[1]) * { s: 1, m: 60, h: 3600, d: 86400 }[match[2] as "s" | "m" | "h" | "d"]
      : NaN;
    if (!(seconds >= 3600 && seconds <= 7 * 86400)) {
      throw new Error(
        `${where}: [versionRetentionPeriod] must be a duration from 1h to 7d such as "7d" or "36h", received ${JSON.stringify(retention)}`,
      );
    }
    const backupDays = wholeNumber(
      where,
      "backupRetentionDays",
      args.backupRetentionDays ?? 7,
      1,
      365,
    );
    const units = args.processingUnits ?? 1000;
    const multiRegion = !args.config.startsWith("regional-");

    const instance = new gcp.spanner.Instance(
      `${name}-instance`,
      {
        name: physicalName(args.namePrefix, name, 30),
        displayName: physicalName(args.namePrefix, name, 30),
        config: args.config,
        processingUnits: units,
        edition: multiRegion ? "ENTERPRISE_PLUS" : "ENTERPRISE",
        forceDestroy: false,
      },
      { parent: this },
    );
    const encryption =
      args.kmsKeyIds.length === 1
        ? { kmsKeyName: args.kmsKeyIds[0] }
        : { kmsKeyNames: [...args.kmsKeyIds] };
    const database = new gcp.spanner.Database(
      `${name}-database`,
      {
        instance: instance.name,
        name: "clinical",
        databaseDialect: "GOOGLE_STANDARD_SQL",
        ddls: [...clinicalRecordsDdl],
        encryptionConfig: encryption,
        versionRetentionPeriod: retention,
        enableDropProtection: true,
        deletionProtection: true,
        defaultTimeZone: "UTC",
      },
      { parent: this },
    );
    new gcp.spanner.BackupSchedule(
      `${name}-daily-backup`,
      {
        instance: instance.name,
        database: database.name,
        name: "daily-full",
        retentionDuration: `${backupDays * 86400}s`,
        spec: { cronSpec: { text: args.backupCron ?? "0 2 * * *" } },
        fullBackupSpec: {},
        encryptionConfig: { encryptionType: "CUSTOMER_MANAGED_ENCRYPTION", ...encryption },
      },
      { parent: this },
    );

    this.instanceName = instance.name;
    this.databaseName = database.name;
    this.registerOutputs({ instanceName: this.instanceName, databaseName: this.databaseName });
  }
}
