export { gcpSpannerDatabaseConfigureVersionRetention } from "./gcp-spanner-database-configure-version-retention";
export { gcpSpannerDatabaseEnableDropProtection } from "./gcp-spanner-database-enable-drop-protection";
export { gcpSpannerDatabaseMissingCmek } from "./gcp-spanner-database-missing-cmek";
