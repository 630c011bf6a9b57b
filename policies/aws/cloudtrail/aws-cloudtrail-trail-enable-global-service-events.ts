import * as cloudtrail from "@pulumi/aws/cloudtrail";
import { resourcePolicy } from "../../lib/define";

/**
 * IAM, STS and CloudFront are global services; without their events the trail misses who created users, roles
 * and access keys.
 * @severity medium
 * @controls hipaa:164.312(b), hipaa:164.308(a)(1)(ii)(D)
 */
export const awsCloudtrailTrailEnableGlobalServiceEvents = resourcePolicy(
  {
    name: "aws-cloudtrail-trail-enable-global-service-events",
    description: "CloudTrail trails must include global service events.",
    severity: "medium",
    controls: ["hipaa:164.312(b)", "hipaa:164.308(a)(1)(ii)(D)"],
    remediationSteps:
      "Set `includeGlobalServiceEvents: true` (or leave it unset) on the aws.cloudtrail.Trail.",
  },
  cloudtrail.Trail,
  (trail, { report }) => {
    if (trail.includeGlobalServiceEvents === false) {
      report("includeGlobalServiceEvents is false; expected true.");
    }
  },
);
