export { gcpFilestoreInstanceEnableDeletionProtection } from "./gcp-filestore-instance-enable-deletion-protection";
export { gcpFilestoreInstanceMissingCmek } from "./gcp-filestore-instance-missing-cmek";
