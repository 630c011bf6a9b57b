import * as iot from "@pulumi/aws/iot";
import { resourcePolicy } from "../../lib/define";
import { parsePolicyDocument } from "../../lib/iam";
import { listOf } from "../lib/format";

const thingVariable = "${iot:Connection.Thing.ThingName}";

/**
 * Scoping iot:Connect to client/${iot:Connection.Thing.ThingName} binds each connection to the certificate's own
 * thing, so a device cannot connect as (and take over the session of) another patient's device.
 * @severity high
 * @controls hipaa:164.312(a)(1), hipaa:164.312(a)(2)(i), hipaa:164.312(d)
 */
export const awsIotPolicyEnforceThingScopedConnect = resourcePolicy(
  {
    name: "aws-iot-policy-enforce-thing-scoped-connect",
    description: "IoT policies must scope iot:Connect to the connecting thing's own client id.",
    severity: "high",
    controls: ["hipaa:164.312(a)(1)", "hipaa:164.312(a)(2)(i)", "hipaa:164.312(d)"],
    remediationSteps:
      'Allow iot:Connect only on "arn:aws:iot:<region>:<account>:client/${iot:Connection.Thing.ThingName}" in the aws.iot.Policy.',
  },
  iot.Policy,
  (policy, { report }) => {
    const document = parsePolicyDocument(policy.policy);
    if (document === undefined) {
      report("The IoT policy is not valid JSON, so its connect scope cannot be verified.");
      return;
    }
    document.Statement.forEach((s, i) => {
      const connects = listOf(s.Action).some((a) => a.toLowerCase() === "iot:connect");
      if (s.Effect !== "Allow" || !connects) {
        return;
      }
      const unscoped = listOf(s.Resource).filter((r) => !r.includes(thingVariable));
      if (unscoped.length > 0) {
        report(
          `Statement ${s.Sid ?? `#${i + 1}`} allows iot:Connect on ${unscoped.map((r) => `"${r}"`).join(", ")}; expected client/${thingVariable}.`,
        );
      }
    });
  },
);
