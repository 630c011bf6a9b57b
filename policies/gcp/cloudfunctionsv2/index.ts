export { gcpCloudfunctionsv2FunctionDisallowPublicIngress } from "./gcp-cloudfunctionsv2-function-disallow-public-ingress";
