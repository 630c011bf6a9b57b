export { azureAppContainerAppDisallowInsecureIngress } from "./azure-app-containerapp-disallow-insecure-ingress";
export { azureAppContainerAppDisallowPublicIngress } from "./azure-app-containerapp-disallow-public-ingress";
export { azureAppContainerAppDisallowSecretEnvironmentValues } from "./azure-app-containerapp-disallow-secret-environment-values";
