export { awsSecretsmanagerSecretEnableCmkEncryption } from "./aws-secretsmanager-secret-enable-cmk-encryption";
export { awsSecretsmanagerSecretRotationConfigureInterval } from "./aws-secretsmanager-secret-rotation-configure-interval";
