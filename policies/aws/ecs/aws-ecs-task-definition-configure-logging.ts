import * as ecs from "@pulumi/aws/ecs";
import { resourcePolicy } from "../../lib/define";
import { checkEach } from "../../lib/conditions";

import { containersOf } from "../lib/containers";

/**
 * Without a log configuration a container's output, including its access and error records, is lost when the task
 * stops (AWS FSBP ECS.9).
 * @severity medium
 * @controls hipaa:164.312(b), hipaa:164.308(a)(1)(ii)(D), gdpr:art33
 */
export const awsEcsTaskDefinitionConfigureLogging = resourcePolicy(
  {
    name: "aws-ecs-task-definition-configure-logging",
    description: "Every container of an ECS task definition must have a logConfiguration.",
    severity: "medium",
    controls: ["hipaa:164.312(b)", "hipaa:164.308(a)(1)(ii)(D)", "gdpr:art33"],
    remediationSteps:
      'Set `logConfiguration: {logDriver: "awslogs", options: {...}}` on every container definition of the aws.ecs.TaskDefinition.',
  },
  ecs.TaskDefinition,
  (task, { report }) =>
    checkEach(report, [
      () =>
        containersOf(task.containerDefinitions)
          .filter((c) => !c.logs)
          .map(
            (c) =>
              `container ${c.name} has no logConfiguration; expected a log driver such as awslogs.`,
          ),
    ]),
);
