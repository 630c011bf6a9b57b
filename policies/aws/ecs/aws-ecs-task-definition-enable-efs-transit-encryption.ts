import * as ecs from "@pulumi/aws/ecs";
import { resourcePolicy } from "../../lib/define";
import { checkEach, shown } from "../../lib/conditions";

/**
 * EFS volumes mounted by a task carry file data over NFS; without transit encryption (off by default) it crosses
 * the network in clear (Checkov CKV_AWS_97).
 * @severity high
 * @controls hipaa:164.312(e)(2)(ii), hipaa:164.312(e)(1), gdpr:art32
 */
export const awsEcsTaskDefinitionEnableEfsTransitEncryption = resourcePolicy(
  {
    name: "aws-ecs-task-definition-enable-efs-transit-encryption",
    description: 'ECS task definitions must mount EFS volumes with transitEncryption "ENABLED".',
    severity: "high",
    controls: ["hipaa:164.312(e)(2)(ii)", "hipaa:164.312(e)(1)", "gdpr:art32"],
    remediationSteps:
      'Set `efsVolumeConfiguration.transitEncryption: "ENABLED"` on every EFS volume of the aws.ecs.TaskDefinition.',
  },
  ecs.TaskDefinition,
  (task, { report }) =>
    checkEach(
      report,
      (task.volumes ?? []).map((volume) => () => {
        const efs = volume.efsVolumeConfiguration;
        return efs === undefined || efs.transitEncryption === "ENABLED"
          ? undefined
          : `volumes ${volume.name} efsVolumeConfiguration.transitEncryption is ${shown(efs.transitEncryption, "DISABLED")}; expected "ENABLED".`;
      }),
    ),
);
