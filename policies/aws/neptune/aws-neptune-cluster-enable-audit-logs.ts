import * as neptune from "@pulumi/aws/neptune";
import { resourcePolicy } from "../../lib/define";
import { checkEach } from "../../lib/conditions";

/**
 * Neptune's audit log export is the only record of which queries touched the graph (AWS FSBP Neptune.2, Checkov
 * CKV_AWS_101).
 * @severity medium
 * @controls hipaa:164.312(b), hipaa:164.308(a)(1)(ii)(D), gdpr:art33
 */
export const awsNeptuneClusterEnableAuditLogs = resourcePolicy(
  {
    name: "aws-neptune-cluster-enable-audit-logs",
    description: 'Neptune clusters must export the "audit" log to CloudWatch Logs.',
    severity: "medium",
    controls: ["hipaa:164.312(b)", "hipaa:164.308(a)(1)(ii)(D)", "gdpr:art33"],
    remediationSteps:
      'Set `enableCloudwatchLogsExports: ["audit"]` on the aws.neptune.Cluster and `neptune_enable_audit_log: 1` in its parameter group.',
  },
  neptune.Cluster,
  (cluster, { report }) =>
    checkEach(report, [
      () =>
        (cluster.enableCloudwatchLogsExports ?? []).includes("audit")
          ? undefined
          : `enableCloudwatchLogsExports is ${JSON.stringify(cluster.enableCloudwatchLogsExports ?? [])}; expected it to include "audit".`,
    ]),
);
