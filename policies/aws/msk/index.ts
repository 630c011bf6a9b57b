export { awsMskClusterDisallowPublicAccess } from "./aws-msk-cluster-disallow-public-access";
export { awsMskClusterDisallowUnauthenticatedAccess } from "./aws-msk-cluster-disallow-unauthenticated-access";
export { awsMskClusterEnableBrokerLogs } from "./aws-msk-cluster-enable-broker-logs";
export { awsMskClusterEnableCmkEncryption } from "./aws-msk-cluster-enable-cmk-encryption";
export { awsMskClusterEnforceTls } from "./aws-msk-cluster-enforce-tls";
