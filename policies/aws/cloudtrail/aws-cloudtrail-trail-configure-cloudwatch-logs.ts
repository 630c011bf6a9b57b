import * as cloudtrail from "@pulumi/aws/cloudtrail";
import { resourcePolicy } from "../../lib/define";

/**
 * Log files in S3 are evidence; delivery to CloudWatch Logs is what lets metric filters and alarms react to
 * suspicious activity while it happens, which breach notification depends on.
 * @severity medium
 * @controls hipaa:164.308(a)(1)(ii)(D), hipaa:164.312(b), gdpr:art33
 */
export const awsCloudtrailTrailConfigureCloudwatchLogs = resourcePolicy(
  {
    name: "aws-cloudtrail-trail-configure-cloudwatch-logs",
    description: "CloudTrail trails must deliver events to CloudWatch Logs.",
    severity: "medium",
    controls: ["hipaa:164.308(a)(1)(ii)(D)", "hipaa:164.312(b)", "gdpr:art33"],
    remediationSteps:
      'Set `cloudWatchLogsGroupArn` (the log group ARN followed by ":*") and `cloudWatchLogsRoleArn` on the aws.cloudtrail.Trail.',
  },
  cloudtrail.Trail,
  (trail, { report }) => {
    const missing = (["cloudWatchLogsGroupArn", "cloudWatchLogsRoleArn"] as const).filter(
      (k) => trail[k] === undefined,
    );
    if (missing.length > 0) {
      report(
        `${missing.join(" and ")} ${missing.length === 1 ? "is" : "are"} not set; expected delivery to a CloudWatch Logs group.`,
      );
    }
  },
);
