export { awsSecretsmanagerSecretEnableCmkEncryption } from "./aws-secretsmanager-secret-enable-cmk-encryption";
