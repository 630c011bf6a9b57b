import * as logging from "@pulumi/gcp/logging";
import { resourcePolicy } from "../../lib/define";
import { shown } from "../lib/shown";

/**
 * Until a log bucket is locked, anyone with the right role can shorten its retention and let audit evidence expire;
 * locking makes the retention period permanent (and the lock cannot be undone).
 * @severity medium
 * @controls hipaa:164.312(c)(1), hipaa:164.316(b)(2), hipaa:164.312(b)
 */
export const gcpLoggingProjectBucketConfigEnableLock = resourcePolicy(
  {
    name: "gcp-logging-projectbucketconfig-enable-lock",
    description: "Cloud Logging buckets must lock their retention (locked true).",
    severity: "medium",
    enforcementLevel: "mandatory",
    controls: ["hipaa:164.312(c)(1)", "hipaa:164.316(b)(2)", "hipaa:164.312(b)"],
    remediationSteps:
      "Set `locked: true` on the gcp.logging.ProjectBucketConfig once `retentionDays` is final (a locked bucket's retention cannot be changed).",
  },
  logging.ProjectBucketConfig,
  (bucket, { report }) => {
    if (bucket.locked !== true) {
      report(`locked is ${shown(bucket.locked, "defaults to false")}; set it to true.`);
    }
  },
);
