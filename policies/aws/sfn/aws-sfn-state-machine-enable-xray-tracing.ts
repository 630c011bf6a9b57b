import * as sfn from "@pulumi/aws/sfn";
import { resourcePolicy } from "../../lib/define";
import { checkEach, mustBeTrue } from "../../lib/conditions";

/**
 * Tracing shows which services a workflow touched with a record, so an access path to PHI can be reviewed end to
 * end (cdk-nag HIPAA StepFunctionStateMachineXray, Checkov CKV_AWS_284).
 * @severity low
 * @controls hipaa:164.312(b), hipaa:164.308(a)(1)(ii)(D)
 */
export const awsSfnStateMachineEnableXrayTracing = resourcePolicy(
  {
    name: "aws-sfn-state-machine-enable-xray-tracing",
    description: "Step Functions state machines must enable X-Ray tracing.",
    severity: "low",
    controls: ["hipaa:164.312(b)", "hipaa:164.308(a)(1)(ii)(D)"],
    remediationSteps: "Set `tracingConfiguration: {enabled: true}` on the aws.sfn.StateMachine.",
  },
  sfn.StateMachine,
  (machine, { report }) =>
    checkEach(report, [
      () =>
        mustBeTrue(
          "tracingConfiguration.enabled",
          machine.tracingConfiguration?.enabled,
          "tracing off",
        ),
    ]),
);
