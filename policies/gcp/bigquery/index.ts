export { gcpBigqueryDatasetConfigureTimeTravel } from "./gcp-bigquery-dataset-configure-time-travel";
export { gcpBigqueryDatasetDisallowPublicAccess } from "./gcp-bigquery-dataset-disallow-public-access";
export { gcpBigqueryDatasetMissingCmek } from "./gcp-bigquery-dataset-missing-cmek";
export { gcpBigqueryDatasetIamBindingDisallowPublicPrincipal } from "./gcp-bigquery-datasetiambinding-disallow-public-principal";
export { gcpBigqueryDatasetIamMemberDisallowPublicPrincipal } from "./gcp-bigquery-datasetiammember-disallow-public-principal";
export { gcpBigqueryTableEnableDeletionProtection } from "./gcp-bigquery-table-enable-deletion-protection";
export { gcpBigqueryTableMissingCmek } from "./gcp-bigquery-table-missing-cmek";
