import * as sfn from "@pulumi/aws/sfn";
import { resourcePolicy } from "../../lib/define";
import { checkEach, shown } from "../../lib/conditions";

/**
 * Workflows that move PHI between services need an execution history beyond the service's 90 days; with logging OFF
 * (the default) failures and access leave no lasting record (cdk-nag HIPAA
 * StepFunctionStateMachineAllLogsToCloudWatch, Checkov CKV_AWS_285).
 * @severity medium
 * @controls hipaa:164.312(b), hipaa:164.308(a)(1)(ii)(D), gdpr:art33
 */
export const awsSfnStateMachineEnableLogging = resourcePolicy(
  {
    name: "aws-sfn-state-machine-enable-logging",
    description:
      "Step Functions state machines must log executions (level ALL, ERROR or FATAL) to CloudWatch Logs.",
    severity: "medium",
    controls: ["hipaa:164.312(b)", "hipaa:164.308(a)(1)(ii)(D)", "gdpr:art33"],
    remediationSteps:
      'Set `loggingConfiguration: {level: "ALL", includeExecutionData: false, logDestination: `${logGroup.arn}:*`}` on the aws.sfn.StateMachine.',
  },
  sfn.StateMachine,
  (machine, { report }) => {
    const logging = machine.loggingConfiguration;
    checkEach(report, [
      () =>
        ["ALL", "ERROR", "FATAL"].includes(logging?.level ?? "OFF")
          ? undefined
          : `loggingConfiguration.level is ${shown(logging?.level, "the service default OFF")}; expected "ALL", "ERROR" or "FATAL".`,
      () =>
        typeof logging?.logDestination === "string" && logging.logDestination !== ""
          ? undefined
          : "loggingConfiguration.logDestination is not set; expected a CloudWatch log group ARN.",
    ]);
  },
);
