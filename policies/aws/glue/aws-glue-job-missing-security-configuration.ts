import * as glue from "@pulumi/aws/glue";
import { resourcePolicy } from "../../lib/define";
import { checkEach, mustBeSet } from "../../lib/conditions";

/**
 * A Glue job without a security configuration writes its output, logs and bookmarks without the encryption the
 * configuration enforces (cdk-nag HIPAA GlueEncryptedCloudWatchLogs).
 * @severity medium
 * @controls hipaa:164.312(a)(2)(iv), gdpr:art32
 */
export const awsGlueJobMissingSecurityConfiguration = resourcePolicy(
  {
    name: "aws-glue-job-missing-security-configuration",
    description: "Glue jobs must name a security configuration.",
    severity: "medium",
    controls: ["hipaa:164.312(a)(2)(iv)", "gdpr:art32"],
    remediationSteps:
      "Set `securityConfiguration: <aws.glue.SecurityConfiguration name>` on the aws.glue.Job.",
  },
  glue.Job,
  (job, { report }) =>
    checkEach(report, [
      () =>
        mustBeSet(
          "securityConfiguration",
          job.securityConfiguration,
          "no encryption of job output, logs and bookmarks",
          "the name of a Glue security configuration",
        ),
    ]),
);
