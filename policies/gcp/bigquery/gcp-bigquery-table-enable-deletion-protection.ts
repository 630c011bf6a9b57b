import * as bigquery from "@pulumi/gcp/bigquery";
import { resourcePolicy } from "../../lib/define";

/**
 * A table deleted by a replacement or a `pulumi destroy` loses its data beyond the time-travel window; deletion
 * protection makes the operation fail instead.
 * @severity medium
 * @controls hipaa:164.308(a)(7), hipaa:164.312(c)(1)
 */
export const gcpBigqueryTableEnableDeletionProtection = resourcePolicy(
  {
    name: "gcp-bigquery-table-enable-deletion-protection",
    description: "BigQuery tables must keep deletion protection on.",
    severity: "medium",
    controls: ["hipaa:164.308(a)(7)", "hipaa:164.312(c)(1)"],
    remediationSteps:
      "Remove `deletionProtection: false` (the provider default is true) from the gcp.bigquery.Table.",
  },
  bigquery.Table,
  (table, { report }) => {
    if (table.deletionProtection === false) {
      report("deletionProtection is false; set it to true.");
    }
  },
);
