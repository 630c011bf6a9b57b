import * as cloudtrail from "@pulumi/aws/cloudtrail";
import { resourcePolicy } from "../../lib/define";

/**
 * A trail with logging turned off exists on paper only: nothing is recorded.
 * @severity high
 * @controls hipaa:164.312(b), gdpr:art33
 */
export const awsCloudtrailTrailEnableLogging = resourcePolicy(
  {
    name: "aws-cloudtrail-trail-enable-logging",
    description: "CloudTrail trails must be logging.",
    severity: "high",
    controls: ["hipaa:164.312(b)", "gdpr:art33"],
    remediationSteps: "Set `enableLogging: true` (or leave it unset) on the aws.cloudtrail.Trail.",
  },
  cloudtrail.Trail,
  (trail, { report }) => {
    if (trail.enableLogging === false) {
      report("enableLogging is false; expected true.");
    }
  },
);
