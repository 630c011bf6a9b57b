import * as bigquery from "@pulumi/gcp/bigquery";
import { resourcePolicy } from "../../lib/define";
import { publicMembersOf } from "../lib/principals";

/**
 * An access entry for allUsers or allAuthenticatedUsers publishes every table of the dataset to the internet or to
 * anyone with a Google account.
 * @severity critical
 * @controls hipaa:164.312(a)(1), gdpr:art32, gdpr:art25
 */
export const gcpBigqueryDatasetDisallowPublicAccess = resourcePolicy(
  {
    name: "gcp-bigquery-dataset-disallow-public-access",
    description: "BigQuery datasets must not grant access to allUsers or allAuthenticatedUsers.",
    severity: "critical",
    controls: ["hipaa:164.312(a)(1)", "gdpr:art32", "gdpr:art25"],
    remediationSteps:
      'Remove `accesses` entries with `specialGroup: "allAuthenticatedUsers"` or `iamMember: "allUsers"` from the gcp.bigquery.Dataset; grant named groups instead.',
  },
  bigquery.Dataset,
  (dataset, { report }) => {
    (dataset.accesses ?? []).forEach((access, i) => {
      const found = publicMembersOf([access.specialGroup, access.iamMember]);
      if (found.length > 0) {
        report(
          `accesses[${i}] grants ${access.role ?? "access"} to ${found.join(", ")}; remove it.`,
        );
      }
    });
  },
);
