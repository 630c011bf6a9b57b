import * as bigquery from "@pulumi/gcp/bigquery";
import { disallowPublicMember } from "../lib/principals";

/**
 * A dataset IAM grant to allUsers or allAuthenticatedUsers publishes its tables, whatever the dataset itself says.
 * @severity critical
 * @controls hipaa:164.312(a)(1), gdpr:art32
 */
export const gcpBigqueryDatasetIamMemberDisallowPublicPrincipal = disallowPublicMember(
  {
    name: "gcp-bigquery-datasetiammember-disallow-public-principal",
    description: "BigQuery dataset IAM members must not be allUsers or allAuthenticatedUsers.",
    severity: "critical",
    controls: ["hipaa:164.312(a)(1)", "gdpr:art32"],
    remediationSteps:
      "Replace the gcp.bigquery.DatasetIamMember's `member` with a named user, group or service account.",
  },
  bigquery.DatasetIamMember,
  "dataset",
);
