export { awsEksClusterDisallowPublicEndpoint } from "./aws-eks-cluster-disallow-public-endpoint";
export { awsEksClusterEnableControlPlaneLogs } from "./aws-eks-cluster-enable-control-plane-logs";
export { awsEksClusterEnableSecretsEncryption } from "./aws-eks-cluster-enable-secrets-encryption";
export { awsEksNodeGroupDisallowOpenSsh } from "./aws-eks-node-group-disallow-open-ssh";
