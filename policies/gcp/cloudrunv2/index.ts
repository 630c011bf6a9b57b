export { gcpCloudrunv2ServiceDisallowPublicIngress } from "./gcp-cloudrunv2-service-disallow-public-ingress";
export { gcpCloudrunv2ServiceDisallowSecretEnvironmentValues } from "./gcp-cloudrunv2-service-disallow-secret-environment-values";
export { gcpCloudrunv2ServiceIamBindingDisallowPublicPrincipal } from "./gcp-cloudrunv2-serviceiambinding-disallow-public-principal";
export { gcpCloudrunv2ServiceIamMemberDisallowPublicPrincipal } from "./gcp-cloudrunv2-serviceiammember-disallow-public-principal";
