export { gcpComposerEnvironmentEnablePrivateEnvironment } from "./gcp-composer-environment-enable-private-environment";
export { gcpComposerEnvironmentMissingCmek } from "./gcp-composer-environment-missing-cmek";
