import * as cloudtrail from "@pulumi/aws/cloudtrail";
import { resourcePolicy } from "../../lib/define";
import { shown } from "../lib/format";

/**
 * Activity in a region the platform does not use is exactly what an attacker would hope goes unrecorded; a
 * multi-region trail records every region.
 * @severity medium
 * @controls hipaa:164.312(b), hipaa:164.308(a)(1)(ii)(D), gdpr:art33
 */
export const awsCloudtrailTrailEnableMultiRegion = resourcePolicy(
  {
    name: "aws-cloudtrail-trail-enable-multi-region",
    description: "CloudTrail trails must record all regions.",
    severity: "medium",
    controls: ["hipaa:164.312(b)", "hipaa:164.308(a)(1)(ii)(D)", "gdpr:art33"],
    remediationSteps: "Set `isMultiRegionTrail: true` on the aws.cloudtrail.Trail.",
  },
  cloudtrail.Trail,
  (trail, { report }) => {
    if (trail.isMultiRegionTrail !== true) {
      report(`isMultiRegionTrail is ${shown(trail.isMultiRegionTrail)}; expected true.`);
    }
  },
);
