import * as sfn from "@pulumi/aws/sfn";
import { resourcePolicy } from "../../lib/define";
import { checkEach, mustBeAwsCmk, shown } from "../../lib/conditions";

/**
 * Execution input, output and history hold the PHI a workflow passes along; by default they are encrypted with an
 * AWS owned key no key policy of the platform governs.
 * @severity medium
 * @controls hipaa:164.312(a)(2)(iv), gdpr:art32
 */
export const awsSfnStateMachineEnableCmkEncryption = resourcePolicy(
  {
    name: "aws-sfn-state-machine-enable-cmk-encryption",
    description:
      "Step Functions state machines must encrypt execution data with a customer-managed KMS key.",
    severity: "medium",
    controls: ["hipaa:164.312(a)(2)(iv)", "gdpr:art32"],
    remediationSteps:
      'Set `encryptionConfiguration: {type: "CUSTOMER_MANAGED_KMS_KEY", kmsKeyId: <key ARN>}` on the aws.sfn.StateMachine.',
  },
  sfn.StateMachine,
  (machine, { report }) => {
    const enc = machine.encryptionConfiguration;
    checkEach(report, [
      () =>
        enc?.type === "CUSTOMER_MANAGED_KMS_KEY"
          ? mustBeAwsCmk("encryptionConfiguration.kmsKeyId", enc.kmsKeyId, "no key")
          : `encryptionConfiguration.type is ${shown(enc?.type, "the service default AWS_OWNED_KEY")}; expected "CUSTOMER_MANAGED_KMS_KEY".`,
    ]);
  },
);
