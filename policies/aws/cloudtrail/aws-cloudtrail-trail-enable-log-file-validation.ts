import * as cloudtrail from "@pulumi/aws/cloudtrail";
import { resourcePolicy } from "../../lib/define";
import { shown } from "../lib/format";

/**
 * Digest files prove that no log file was changed or removed after delivery; without them the audit trail of PHI
 * access cannot be shown to be complete.
 * @severity high
 * @controls hipaa:164.312(c)(2), hipaa:164.312(c)(1), hipaa:164.312(b)
 */
export const awsCloudtrailTrailEnableLogFileValidation = resourcePolicy(
  {
    name: "aws-cloudtrail-trail-enable-log-file-validation",
    description: "CloudTrail trails must enable log file validation.",
    severity: "high",
    controls: ["hipaa:164.312(c)(2)", "hipaa:164.312(c)(1)", "hipaa:164.312(b)"],
    remediationSteps: "Set `enableLogFileValidation: true` on the aws.cloudtrail.Trail.",
  },
  cloudtrail.Trail,
  (trail, { report }) => {
    if (trail.enableLogFileValidation !== true) {
      report(`enableLogFileValidation is ${shown(trail.enableLogFileValidation)}; expected true.`);
    }
  },
);
