export { gcpLoggingProjectBucketConfigConfigureRetention } from "./gcp-logging-projectbucketconfig-configure-retention";
export { gcpLoggingProjectBucketConfigEnableLock } from "./gcp-logging-projectbucketconfig-enable-lock";
