import * as bigquery from "@pulumi/gcp/bigquery";
import { resourcePolicy } from "../../lib/define";
import { isSet } from "../lib/shown";

/**
 * A table's own encryptionConfiguration shows its key where the table is declared; without it the table relies on
 * its dataset's default key, which this resource cannot prove exists (advisory). A logical view (`view`) stores no
 * data and takes no key; a materialized view stores data and is judged as a table.
 * @severity medium
 * @controls hipaa:164.312(a)(2)(iv), gdpr:art32
 */
export const gcpBigqueryTableMissingCmek = resourcePolicy(
  {
    name: "gcp-bigquery-table-missing-cmek",
    description: "BigQuery tables should name their customer-managed encryption key.",
    severity: "medium",
    controls: ["hipaa:164.312(a)(2)(iv)", "gdpr:art32"],
    remediationSteps:
      "Set `encryptionConfiguration.kmsKeyName` to a gcp.kms.CryptoKey id on the gcp.bigquery.Table (or rely on a dataset default key checked by gcp-bigquery-dataset-missing-cmek).",
  },
  bigquery.Table,
  (table, { report }) => {
    if (isSet(table.view?.query)) {
      return;
    }
    if (!isSet(table.encryptionConfiguration?.kmsKeyName)) {
      report(
        "encryptionConfiguration.kmsKeyName is not set; the table uses its dataset's default key if one exists, otherwise Google-managed keys.",
      );
    }
  },
);
