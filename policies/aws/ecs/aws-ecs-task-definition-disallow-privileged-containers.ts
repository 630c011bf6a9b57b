import * as ecs from "@pulumi/aws/ecs";
import { resourcePolicy } from "../../lib/define";
import { checkEach } from "../../lib/conditions";

import { containersOf } from "../lib/containers";

/**
 * A privileged container, or one sharing the host's PID or network namespace, can read every other task's memory
 * and traffic on the instance (AWS FSBP ECS.3, ECS.4).
 * @severity high
 * @controls hipaa:164.312(a)(1), gdpr:art32
 */
export const awsEcsTaskDefinitionDisallowPrivilegedContainers = resourcePolicy(
  {
    name: "aws-ecs-task-definition-disallow-privileged-containers",
    description:
      "ECS task definitions must not run privileged containers or share the host's PID or network namespace.",
    severity: "high",
    controls: ["hipaa:164.312(a)(1)", "gdpr:art32"],
    remediationSteps:
      'Remove `privileged: true` from the container definitions and do not set `pidMode: "host"` or `networkMode: "host"` on the aws.ecs.TaskDefinition.',
  },
  ecs.TaskDefinition,
  (task, { report }) =>
    checkEach(report, [
      () =>
        task.pidMode === "host" ? 'pidMode is "host"; expected "task" or not set.' : undefined,
      () => (task.networkMode === "host" ? 'networkMode is "host"; expected "awsvpc".' : undefined),
      () =>
        containersOf(task.containerDefinitions)
          .filter((c) => c.privileged)
          .map((c) => `container ${c.name} is privileged; expected privileged false.`),
    ]),
);
