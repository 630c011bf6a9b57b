import * as ecs from "@pulumi/aws/ecs";
import { resourcePolicy } from "../../lib/define";
import { checkEach } from "../../lib/conditions";

/**
 * A task with a public IP is reachable from the internet whatever sits in front of the service; tasks belong in
 * private subnets behind a load balancer (AWS FSBP ECS.2, Checkov CKV_AWS_333).
 * @severity high
 * @controls hipaa:164.312(e)(1), hipaa:164.312(a)(1), gdpr:art32
 */
export const awsEcsServiceDisablePublicIp = resourcePolicy(
  {
    name: "aws-ecs-service-disable-public-ip",
    description: "ECS services must not assign public IP addresses to their tasks.",
    severity: "high",
    controls: ["hipaa:164.312(e)(1)", "hipaa:164.312(a)(1)", "gdpr:art32"],
    remediationSteps:
      "Set `networkConfiguration.assignPublicIp: false` (the default) on the aws.ecs.Service and run the tasks in private subnets.",
  },
  ecs.Service,
  (service, { report }) =>
    checkEach(report, [
      () =>
        service.networkConfiguration?.assignPublicIp === true
          ? "networkConfiguration.assignPublicIp is true; expected false (the default)."
          : undefined,
    ]),
);
