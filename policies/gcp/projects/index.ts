export { gcpProjectsIamAuditConfigEnableDataAccessLogs } from "./gcp-projects-iamauditconfig-enable-data-access-logs";
