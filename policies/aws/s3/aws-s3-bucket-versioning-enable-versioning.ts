import * as s3 from "@pulumi/aws/s3";
import { resourcePolicy } from "../../lib/define";
import { shown } from "../lib/format";

/**
 * Versioning keeps every overwritten or deleted object recoverable, which is the bucket's protection against
 * accidental deletion, ransomware and improper alteration of records.
 * @severity medium
 * @controls hipaa:164.308(a)(7), hipaa:164.312(c)(1)
 */
export const awsS3BucketVersioningEnableVersioning = resourcePolicy(
  {
    name: "aws-s3-bucket-versioning-enable-versioning",
    description: "S3 bucket versioning must be Enabled.",
    severity: "medium",
    controls: ["hipaa:164.308(a)(7)", "hipaa:164.312(c)(1)"],
    remediationSteps:
      'Set `versioningConfiguration: {status: "Enabled"}` on the aws.s3.BucketVersioning.',
  },
  s3.BucketVersioning,
  (versioning, { report }) => {
    const status = versioning.versioningConfiguration.status;
    if (status !== "Enabled") {
      report(`versioningConfiguration.status is ${shown(status)}; expected "Enabled".`);
    }
  },
);
