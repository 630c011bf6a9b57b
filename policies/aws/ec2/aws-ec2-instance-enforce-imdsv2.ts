import * as ec2 from "@pulumi/aws/ec2";
import { resourcePolicy } from "../../lib/define";
import { shown } from "../lib/format";

/**
 * IMDSv1 answers any request, so a server-side request forgery in the application hands out the instance role's
 * credentials; IMDSv2's session tokens close that path.
 * @severity high
 * @controls hipaa:164.312(a)(1), gdpr:art32
 */
export const awsEc2InstanceEnforceImdsv2 = resourcePolicy(
  {
    name: "aws-ec2-instance-enforce-imdsv2",
    description: "EC2 instances must require IMDSv2 session tokens.",
    severity: "high",
    controls: ["hipaa:164.312(a)(1)", "gdpr:art32"],
    remediationSteps:
      'Set `metadataOptions: {httpTokens: "required", httpPutResponseHopLimit: 1}` on the aws.ec2.Instance.',
  },
  ec2.Instance,
  (instance, { report }) => {
    const options = instance.metadataOptions;
    if (options?.httpEndpoint === "disabled") {
      return;
    }
    if (options?.httpTokens !== "required") {
      report(`metadataOptions.httpTokens is ${shown(options?.httpTokens)}; expected "required".`);
    }
  },
);
