import * as msk from "@pulumi/aws/msk";
import { resourcePolicy } from "../../lib/define";
import { checkEach } from "../../lib/conditions";

/**
 * Broker logs record client connections and authorization failures; MSK keeps none unless a destination is enabled
 * (Checkov CKV_AWS_80).
 * @severity medium
 * @controls hipaa:164.312(b), hipaa:164.308(a)(1)(ii)(D), gdpr:art33
 */
export const awsMskClusterEnableBrokerLogs = resourcePolicy(
  {
    name: "aws-msk-cluster-enable-broker-logs",
    description: "MSK clusters must deliver broker logs to CloudWatch Logs, Firehose or S3.",
    severity: "medium",
    controls: ["hipaa:164.312(b)", "hipaa:164.308(a)(1)(ii)(D)", "gdpr:art33"],
    remediationSteps:
      "Set `loggingInfo.brokerLogs.cloudwatchLogs: {enabled: true, logGroup}` (or firehose / s3) on the aws.msk.Cluster.",
  },
  msk.Cluster,
  (cluster, { report }) => {
    const logs = cluster.loggingInfo?.brokerLogs;
    checkEach(report, [
      () =>
        [logs?.cloudwatchLogs, logs?.firehose, logs?.s3].some((d) => d?.enabled === true)
          ? undefined
          : "loggingInfo.brokerLogs enables no destination; expected cloudwatchLogs, firehose or s3 enabled.",
    ]);
  },
);
