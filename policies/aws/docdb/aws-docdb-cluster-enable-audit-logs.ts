import * as docdb from "@pulumi/aws/docdb";
import { resourcePolicy } from "../../lib/define";
import { checkEach } from "../../lib/conditions";

/**
 * Only the audit log export records who authenticated and which collections they read or changed (AWS FSBP
 * DocumentDB.4, Checkov CKV_AWS_85).
 * @severity medium
 * @controls hipaa:164.312(b), hipaa:164.308(a)(1)(ii)(D), gdpr:art33
 */
export const awsDocdbClusterEnableAuditLogs = resourcePolicy(
  {
    name: "aws-docdb-cluster-enable-audit-logs",
    description: 'DocumentDB clusters must export the "audit" log to CloudWatch Logs.',
    severity: "medium",
    controls: ["hipaa:164.312(b)", "hipaa:164.308(a)(1)(ii)(D)", "gdpr:art33"],
    remediationSteps:
      'Set `enabledCloudwatchLogsExports: ["audit", "profiler"]` on the aws.docdb.Cluster and `audit_logs: enabled` in its parameter group.',
  },
  docdb.Cluster,
  (cluster, { report }) =>
    checkEach(report, [
      () =>
        (cluster.enabledCloudwatchLogsExports ?? []).includes("audit")
          ? undefined
          : `enabledCloudwatchLogsExports is ${JSON.stringify(cluster.enabledCloudwatchLogsExports ?? [])}; expected it to include "audit".`,
    ]),
);
