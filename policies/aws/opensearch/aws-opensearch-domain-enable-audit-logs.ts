import * as opensearch from "@pulumi/aws/opensearch";
import { resourcePolicy } from "../../lib/define";
import { checkEach } from "../../lib/conditions";

/**
 * Audit logs record who searched or read which index; without them access to PHI in the domain leaves no trace (AWS
 * FSBP OpenSearch.5, cdk-nag OpenSearchSlowLogsToCloudWatch).
 * @severity medium
 * @controls hipaa:164.312(b), hipaa:164.308(a)(1)(ii)(D), gdpr:art33
 */
export const awsOpensearchDomainEnableAuditLogs = resourcePolicy(
  {
    name: "aws-opensearch-domain-enable-audit-logs",
    description: "OpenSearch domains must publish AUDIT_LOGS to CloudWatch Logs.",
    severity: "medium",
    controls: ["hipaa:164.312(b)", "hipaa:164.308(a)(1)(ii)(D)", "gdpr:art33"],
    remediationSteps:
      'Add `{logType: "AUDIT_LOGS", cloudwatchLogGroupArn: <log group ARN>, enabled: true}` to `logPublishingOptions` and enable fine-grained access control on the aws.opensearch.Domain.',
  },
  opensearch.Domain,
  (domain, { report }) =>
    checkEach(report, [
      () =>
        (domain.logPublishingOptions ?? []).some(
          (o) => o.logType === "AUDIT_LOGS" && o.enabled !== false,
        )
          ? undefined
          : "logPublishingOptions has no enabled AUDIT_LOGS entry; expected audit logs published to CloudWatch Logs.",
    ]),
);
