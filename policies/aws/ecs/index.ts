export { awsEcsServiceDisablePublicIp } from "./aws-ecs-service-disable-public-ip";
export { awsEcsTaskDefinitionConfigureLogging } from "./aws-ecs-task-definition-configure-logging";
export { awsEcsTaskDefinitionDisallowPrivilegedContainers } from "./aws-ecs-task-definition-disallow-privileged-containers";
export { awsEcsTaskDefinitionDisallowSecretEnvironmentValues } from "./aws-ecs-task-definition-disallow-secret-environment-values";
export { awsEcsTaskDefinitionEnableEfsTransitEncryption } from "./aws-ecs-task-definition-enable-efs-transit-encryption";
export { awsEcsTaskDefinitionEnforceReadOnlyRootFilesystem } from "./aws-ecs-task-definition-enforce-read-only-root-filesystem";
