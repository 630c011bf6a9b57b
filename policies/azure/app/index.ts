export { azureAppContainerappDisallowInsecureIngress } from "./azure-app-containerapp-disallow-insecure-ingress";
export { azureAppContainerappDisallowPublicIngress } from "./azure-app-containerapp-disallow-public-ingress";
