import * as pulumi from "@pulumi/pulumi";
import * as gcp from "@pulumi/gcp";
import { wholeNumber } from "../shared/validate";

/** Shortest time travel BigQuery accepts: deleted rows are gone for good 48 hours plus the 7-day fail-safe later. */
export const minTimeTravelHours = 48;

/** Columns of the observations table; `patient_id`, `postal_code` and `birth_date` are direct identifiers. */
export const observationColumns = [
  { name: "patient_id", type: "STRING", mode: "REQUIRED", description: "Direct identifier (MRN)" },
  { name: "patient_pseudonym", type: "STRING", mode: "REQUIRED", description: "Keyed hash" },
  { name: "observed_at", type: "TIMESTAMP", mode: "REQUIRED", description: "When measured" },
  { name: "loinc_code", type: "STRING", mode: "REQUIRED", description: "LOINC code" },
  { name: "value", type: "FLOAT64", mode: "NULLABLE", description: "Numeric value" },
  { name: "unit", type: "STRING", mode: "NULLABLE", description: "UCUM unit" },
  { name: "risk_score", type: "FLOAT64", mode: "NULLABLE", description: "Model output" },
  { name: "postal_code", type: "STRING", mode: "NULLABLE", description: "Direct identifier" },
  { name: "birth_date", type: "DATE", mode: "NULLABLE", description: "Direct identifier" },
] as const;

/** What analysts see: the pseudonym, the year only, the measurement and the score; no direct identifier. */
export function deidentifiedViewQuery(projectId: string, datasetId: string, table: string): string {
  return [
    "SELECT",
    "  patient_pseudonym,",
    "  EXTRACT(YEAR FROM observed_at) AS observed_year,",
    "  loinc_code,",
    "  value,",
    "  unit,",
    "  risk_score",
    `FROM \`${projectId}.${datasetId}.${table}\``,
  ].join("\n");
}

export interface AnalyticsWarehouseArgs {
  /** Dataset ids start with this prefix (hyphens become underscores). */
  readonly namePrefix: string;
  readonly projectId: string;
  /** BigQuery location: `US`, `EU` or a region. */
  readonly location: string;
  /** Cloud KMS key in the matching Cloud KMS location (`us`, `europe` or the region). */
  readonly kmsKeyId: pulumi.Input<string>;
  /** Groups (`group:`) and service accounts (`serviceAccount:`) that may read the clinical dataset. */
  readonly readers: readonly string[];
  /** Groups (`group:`) that may read only the de-identified view. */
  readonly analystGroups: readonly string[];
  /**
   * Days a staging partition is kept before BigQuery deletes it.
   * @default 7
   */
  readonly stagingExpirationDays?: number;
  /**
   * Time travel window in hours (48 to 168, in steps of 24): how long deleted rows can still be read back.
   * @default 48
   */
  readonly maxTimeTravelHours?: number;
}

/**
 * BigQuery analytics for clinical data: a clinical dataset (observations with direct identifiers, and a staging
 * table whose daily partitions expire) and an analyst dataset holding one authorized view without direct
 * identifiers. Both datasets default to a customer-managed key, bound time travel to 48 hours so an erasure is
 * final within 48 hours plus the 7-day fail-safe, and grant access only to project owners and the named groups
 * and service accounts (their access lists are set explicitly, so the project-wide readers and writers BigQuery
 * adds by default are left out). Tables keep deletion protection and are clustered by patient so one patient's rows
 * can be found and deleted.
 */
export class AnalyticsWarehouse extends pulumi.ComponentResource {
  public readonly clinicalDatasetId: pulumi.Output<string>;
  public readonly analystDatasetId: pulumi.Output<string>;
  public readonly observationsTableId: pulumi.Output<string>;
  public readonly stagingTableId: pulumi.Output<string>;
  public readonly deidentifiedViewId: pulumi.Output<string>;

  constructor(
    name: string,
    args: AnalyticsWarehouseArgs,
    opts: pulumi.ComponentResourceOptions = {},
  ) {
    super("mediconnect:gcp:AnalyticsWarehouse", name, {}, opts);
    const where = `AnalyticsWarehouse ${name}`;
    const hours = wholeNumber(
      where,
      "maxTimeTravelHours",
      args.maxTimeTravelHours ?? minTimeTravelHours,
      { value: minTimeTravelHours, meaning: "2 days" },
      { value: 168, meaning: "7 days" },
    );
    if (hours % 24 !== 0) {
      throw new Error(`${where}: [maxTimeTravelHours] must be a multiple of 24, received ${hours}`);
    }
    const stagingDays = wholeNumber(
      where,
      "stagingExpirationDays",
      args.stagingExpirationDays ?? 7,
      1,
      90,
    );
    for (const member of [...args.readers, ...args.analystGroups]) {
      if (!/^(group|serviceAccount):[^@\s]+@[^@\s]+$/.test(member)) {
        throw new Error(
          `${where}: [readers] and [analystGroups] take group:<email> or serviceAccount:<email>, received ${JSON.stringify(member)}`,
        );
      }
    }
    const analysts = args.analystGroups.filter((m) => !m.startsWith("group:"));
    if (analysts.length > 0) {
      throw new Error(
        `${where}: [analystGroups] takes groups only, received ${analysts.join(", ")}`,
      );
    }
    const prefix = args.namePrefix.replace(/-/g, "_");
    const encryption = { kmsKeyName: args.kmsKeyId };
    const timeTravel = String(hours);

    const dataset = (id: string, description: string) =>
      new gcp.bigquery.Dataset(
        `${name}-${id}`,
        {
          datasetId: `${prefix}_${id.replace(/-/g, "_")}`,
          description,
          location: args.location,
          defaultEncryptionConfiguration: encryption,
          maxTimeTravelHours: timeTravel,
          deleteContentsOnDestroy: false,
          // Authoritative at creation: without it BigQuery adds projectReaders and projectWriters. Later grants are
          // DatasetAccess resources, hence ignoreChanges.
          accesses: [{ role: "OWNER", specialGroup: "projectOwners" }],
        },
        { parent: this, ignoreChanges: ["accesses"] },
      );
    const clinical = dataset("clinical", "Clinical observations with direct identifiers (PHI)");
    const analyst = dataset("analyst-views", "De-identified views for analysts");

    const observations = new gcp.bigquery.Table(
      `${name}-observations`,
      {
        datasetId: clinical.datasetId,
        tableId: "observations",
        description: "Observations and risk scores; PHI",
        schema: JSON.stringify(observationColumns),
        encryptionConfiguration: encryption,
        timePartitioning: { type: "DAY", field: "observed_at" },
        clusterings: ["patient_pseudonym", "patient_id"],
        deletionProtection: true,
      },
      { parent: this },
    );
    const staging = new gcp.bigquery.Table(
      `${name}-staging`,
      {
        datasetId: clinical.datasetId,
        tableId: "staging_observations",
        description: `Raw loads before validation; each daily partition expires after ${stagingDays} days`,
        schema: JSON.stringify(observationColumns),
        encryptionConfiguration: encryption,
        timePartitioning: { type: "DAY", expirationMs: stagingDays * 86_400_000 },
        clusterings: ["patient_pseudonym", "patient_id"],
        deletionProtection: true,
      },
      { parent: this },
    );
    const view = new gcp.bigquery.Table(
      `${name}-deidentified`,
      {
        datasetId: analyst.datasetId,
        tableId: "observations_deidentified",
        description: "Observations without direct identifiers: pseudonym, year, measurement, score",
        view: {
          query: pulumi
            .all([clinical.datasetId, observations.tableId])
            .apply(([ds, table]) => deidentifiedViewQuery(args.projectId, ds, table)),
          useLegacySql: false,
        },
        deletionProtection: true,
      },
      { parent: this },
    );

    new gcp.bigquery.DatasetAccess(
      `${name}-authorized-view`,
      {
        datasetId: clinical.datasetId,
        view: { projectId: args.projectId, datasetId: analyst.datasetId, tableId: view.tableId },
      },
      { parent: this },
    );
    const grant = (resourceName: string, datasetId: pulumi.Output<string>, member: string) => {
      const [kind, email] = member.split(/:(.*)/s);
      new gcp.bigquery.DatasetAccess(
        resourceName,
        {
          datasetId,
          role: "READER",
          ...(kind === "group" ? { groupByEmail: email } : { userByEmail: email }),
        },
        { parent: this },
      );
    };
    args.readers.forEach((m, i) => grant(`${name}-clinical-reader-${i}`, clinical.datasetId, m));
    args.analystGroups.forEach((m, i) => grant(`${name}-analyst-${i}`, analyst.datasetId, m));

    this.clinicalDatasetId = clinical.datasetId;
    this.analystDatasetId = analyst.datasetId;
    this.observationsTableId = observations.tableId;
    this.stagingTableId = staging.tableId;
    this.deidentifiedViewId = view.tableId;
    this.registerOutputs({
      clinicalDatasetId: this.clinicalDatasetId,
      analystDatasetId: this.analystDatasetId,
      observationsTableId: this.observationsTableId,
      stagingTableId: this.stagingTableId,
      deidentifiedViewId: this.deidentifiedViewId,
    });
  }
}
