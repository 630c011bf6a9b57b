export { gcpSecretmanagerSecretConfigureRotation } from "./gcp-secretmanager-secret-configure-rotation";
export { gcpSecretmanagerSecretMissingCmek } from "./gcp-secretmanager-secret-missing-cmek";
export { gcpSecretmanagerSecretIamMemberDisallowPublicPrincipal } from "./gcp-secretmanager-secretiammember-disallow-public-principal";
