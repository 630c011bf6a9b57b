import * as spanner from "@pulumi/gcp/spanner";
import { resourcePolicy } from "../../lib/define";
import { shown } from "../lib/shown";

/**
 * Deletion protection stops Pulumi from deleting the database and drop protection stops anyone else (console, API)
 * from dropping it; losing the database loses the PHI it holds.
 * @severity high
 * @controls hipaa:164.308(a)(7), hipaa:164.312(c)(1), gdpr:art32
 */
export const gcpSpannerDatabaseEnableDropProtection = resourcePolicy(
  {
    name: "gcp-spanner-database-enable-drop-protection",
    description: "Spanner databases must keep deletion protection and enable drop protection.",
    severity: "high",
    controls: ["hipaa:164.308(a)(7)", "hipaa:164.312(c)(1)", "gdpr:art32"],
    remediationSteps:
      "Set `enableDropProtection: true` and leave `deletionProtection` at its default (true) on the gcp.spanner.Database.",
  },
  spanner.Database,
  (db, { report }) => {
    if (db.deletionProtection === false) {
      report("deletionProtection is false; set it to true.");
    }
    if (db.enableDropProtection !== true) {
      report(`enableDropProtection is ${shown(db.enableDropProtection, "false")}; set it to true.`);
    }
  },
);
