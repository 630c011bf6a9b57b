import * as bigquery from "@pulumi/gcp/bigquery";
import { disallowPublicMembers } from "../lib/principals";

/**
 * A dataset IAM binding that lists allUsers or allAuthenticatedUsers publishes its tables, whatever the dataset
 * itself says.
 * @severity critical
 * @controls hipaa:164.312(a)(1), gdpr:art32
 */
export const gcpBigqueryDatasetIamBindingDisallowPublicPrincipal = disallowPublicMembers(
  {
    name: "gcp-bigquery-datasetiambinding-disallow-public-principal",
    description:
      "BigQuery dataset IAM bindings must not include allUsers or allAuthenticatedUsers.",
    severity: "critical",
    controls: ["hipaa:164.312(a)(1)", "gdpr:art32"],
    remediationSteps:
      "Remove allUsers and allAuthenticatedUsers from the gcp.bigquery.DatasetIamBinding's `members`.",
  },
  bigquery.DatasetIamBinding,
  "dataset",
);
