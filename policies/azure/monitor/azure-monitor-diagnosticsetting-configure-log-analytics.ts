import * as monitor from "@pulumi/azure-native/monitor";
import { resourcePolicy } from "../../lib/define";
import { checkEach } from "../../lib/conditions";
import { isAuditLog } from "../lib/audit-categories";
import { isSet } from "../lib/shown";

/**
 * Resource logs (FHIR AuditLogs, OpenAI Audit, Key Vault AuditEvent) exist only when a diagnostic setting sends
 * them somewhere; sending the audit category group to Log Analytics makes them reviewable and alertable. An
 * explicitly enabled audit category (AuditLogs, AuditEvent, Audit, kube-audit, ...) counts as much as the group.
 * @severity high
 * @controls hipaa:164.312(b), hipaa:164.308(a)(1)(ii)(D), gdpr:art33
 */
export const azureMonitorDiagnosticSettingConfigureLogAnalytics = resourcePolicy(
  {
    name: "azure-monitor-diagnosticsetting-configure-log-analytics",
    description:
      'Diagnostic settings must send the "allLogs" or "audit" category group, or an audit category, to a Log Analytics workspace.',
    severity: "high",
    controls: ["hipaa:164.312(b)", "hipaa:164.308(a)(1)(ii)(D)", "gdpr:art33"],
    remediationSteps:
      'Set `workspaceId` and `logs: [{ categoryGroup: "allLogs", enabled: true }]` (or "audit") on the monitor.DiagnosticSetting.',
  },
  monitor.DiagnosticSetting,
  (setting, { report }) =>
    checkEach(report, [
      () =>
        isSet(setting.workspaceId)
          ? undefined
          : "workspaceId is not set; send the logs to a Log Analytics workspace.",
      () => {
        const logs = setting.logs ?? [];
        return logs.some(isAuditLog)
          ? undefined
          : `No enabled log entry has categoryGroup "allLogs" or "audit" or an audit category (found: ${logs.map((l) => `${l.categoryGroup ?? l.category}${l.enabled ? "" : " (disabled)"}`).join(", ") || "none"}).`;
      },
    ]),
);
