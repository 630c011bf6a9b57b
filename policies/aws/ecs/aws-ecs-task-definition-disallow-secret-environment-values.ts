import * as ecs from "@pulumi/aws/ecs";
import { resourcePolicy } from "../../lib/define";
import { checkEach } from "../../lib/conditions";
import { isLiteralSecret, secretValueKind } from "../../lib/secret-values";
import { containersOf } from "../lib/containers";

/**
 * Container environment values are visible to anyone who can describe the task definition and are kept in every
 * revision; credentials belong in `secrets` (Secrets Manager or SSM references). Values are judged by shape, and a
 * variable named like a secret must hold a reference, not a literal (AWS FSBP ECS.8).
 * @severity high
 * @controls hipaa:164.312(a)(1), gdpr:art32
 */
export const awsEcsTaskDefinitionDisallowSecretEnvironmentValues = resourcePolicy(
  {
    name: "aws-ecs-task-definition-disallow-secret-environment-values",
    description:
      "ECS task definitions must not put secrets (judged by value, or literals under a secret's name) in container environment variables.",
    severity: "high",
    controls: ["hipaa:164.312(a)(1)", "gdpr:art32"],
    remediationSteps:
      "Move the value to Secrets Manager or SSM and list it under the container's `secrets: [{name, valueFrom: <ARN>}]` in the aws.ecs.TaskDefinition.",
  },
  ecs.TaskDefinition,
  (task, { report }) => {
    const containers = containersOf(task.containerDefinitions);
    checkEach(
      report,
      containers.flatMap((c) =>
        c.environment.map(({ name, value }) => () => {
          if (isLiteralSecret(name, value)) {
            return `container ${c.name} environment ${name} is named like a secret and holds a literal value; expected it under secrets with valueFrom.`;
          }
          const kind = secretValueKind(value);
          return kind === undefined
            ? undefined
            : `container ${c.name} environment ${name} holds what looks like ${kind}; expected it under secrets with valueFrom.`;
        }),
      ),
    );
  },
);
