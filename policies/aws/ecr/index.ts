export { awsEcrRepositoryEnableCmkEncryption } from "./aws-ecr-repository-enable-cmk-encryption";
export { awsEcrRepositoryEnableImmutableTags } from "./aws-ecr-repository-enable-immutable-tags";
export { awsEcrRepositoryEnableScanOnPush } from "./aws-ecr-repository-enable-scan-on-push";
