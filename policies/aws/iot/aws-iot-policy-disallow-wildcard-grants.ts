import * as iot from "@pulumi/aws/iot";
import { resourcePolicy } from "../../lib/define";
import { parsePolicyDocument } from "../../lib/iam";
import { listOf } from "../lib/format";

/**
 * A device certificate is stored on hardware in a patient's home; if its policy allows "iot:*" or Resource "*", one
 * extracted certificate can read and publish every other patient's topics.
 * @severity critical
 * @controls hipaa:164.312(a)(1), gdpr:art32
 */
export const awsIotPolicyDisallowWildcardGrants = resourcePolicy(
  {
    name: "aws-iot-policy-disallow-wildcard-grants",
    description:
      'IoT policies must not allow "iot:*" (or "*") actions, nor any action on Resource "*".',
    severity: "critical",
    controls: ["hipaa:164.312(a)(1)", "gdpr:art32"],
    remediationSteps:
      "Grant the named actions (iot:Connect, iot:Publish, iot:Subscribe, iot:Receive) on thing-scoped ARNs using policy variables such as ${iot:Connection.Thing.ThingName} in the aws.iot.Policy.",
  },
  iot.Policy,
  (policy, { report }) => {
    const document = parsePolicyDocument(policy.policy);
    if (document === undefined) {
      report("The IoT policy is not valid JSON, so its grants cannot be verified.");
      return;
    }
    document.Statement.forEach((s, i) => {
      if (s.Effect !== "Allow") {
        return;
      }
      const label = s.Sid ?? `#${i + 1}`;
      const wildcardActions = listOf(s.Action).filter(
        (a) => a === "*" || a.toLowerCase() === "iot:*",
      );
      if (wildcardActions.length > 0) {
        report(
          `Statement ${label} allows ${wildcardActions.map((a) => `"${a}"`).join(", ")}; expected named actions.`,
        );
      }
      if (listOf(s.Resource).includes("*")) {
        report(`Statement ${label} allows Resource "*"; expected thing-scoped ARNs.`);
      }
    });
  },
);
