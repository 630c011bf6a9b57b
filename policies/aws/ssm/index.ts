export { awsSsmParameterEnableCmkEncryption } from "./aws-ssm-parameter-enable-cmk-encryption";
export { awsSsmParameterEnforceSecureString } from "./aws-ssm-parameter-enforce-secure-string";
