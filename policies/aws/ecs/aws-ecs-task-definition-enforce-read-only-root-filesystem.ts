import * as ecs from "@pulumi/aws/ecs";
import { resourcePolicy } from "../../lib/define";
import { checkEach } from "../../lib/conditions";
import { containersOf } from "../lib/containers";

/**
 * A writable root file system lets an intruder change the container's binaries and stage data in it; read-only
 * roots with explicit volumes for scratch space close that (AWS FSBP ECS.5, Checkov CKV_AWS_336). ECS defaults to
 * a writable root.
 * @severity medium
 * @controls hipaa:164.312(c)(1), gdpr:art32
 */
export const awsEcsTaskDefinitionEnforceReadOnlyRootFilesystem = resourcePolicy(
  {
    name: "aws-ecs-task-definition-enforce-read-only-root-filesystem",
    description: "ECS task definitions must give every container a read-only root file system.",
    severity: "medium",
    controls: ["hipaa:164.312(c)(1)", "gdpr:art32"],
    remediationSteps:
      "Set `readonlyRootFilesystem: true` on every container definition of the aws.ecs.TaskDefinition and mount a volume where the application writes.",
  },
  ecs.TaskDefinition,
  (task, { report }) =>
    checkEach(report, [
      () =>
        containersOf(task.containerDefinitions)
          .filter((c) => c.readonlyRootFilesystem !== true)
          .map(
            (c) =>
              `container ${c.name} has readonlyRootFilesystem ${c.readonlyRootFilesystem === undefined ? "not set (ECS default: writable)" : JSON.stringify(c.readonlyRootFilesystem)}; expected true.`,
          ),
    ]),
);
