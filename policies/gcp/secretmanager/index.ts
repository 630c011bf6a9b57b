export { gcpSecretmanagerSecretConfigureRotation } from "./gcp-secretmanager-secret-configure-rotation";
export { gcpSecretmanagerSecretMissingCmek } from "./gcp-secretmanager-secret-missing-cmek";
export { gcpSecretmanagerSecretiammemberDisallowPublicPrincipal } from "./gcp-secretmanager-secretiammember-disallow-public-principal";
