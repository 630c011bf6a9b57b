import * as monitor from "@pulumi/azure-native/monitor";
import { resourcePolicy } from "../../lib/define";
import { isSet } from "../lib/shown";

const auditGroups = ["allLogs", "audit"];

/**
 * Resource logs (FHIR AuditLogs, OpenAI Audit, Key Vault AuditEvent) exist only when a diagnostic setting sends
 * them somewhere; sending the audit category group to Log Analytics makes them reviewable and alertable.
 * @severity high
 * @controls hipaa:164.312(b), hipaa:164.308(a)(1)(ii)(D), gdpr:art33
 */
export const azureMonitorDiagnosticSettingConfigureLogAnalytics = resourcePolicy(
  {
    name: "azure-monitor-diagnosticsetting-configure-log-analytics",
    description:
      'Diagnostic settings must send the "allLogs" or "audit" category group to a Log Analytics workspace.',
    severity: "high",
    controls: ["hipaa:164.312(b)", "hipaa:164.308(a)(1)(ii)(D)", "gdpr:art33"],
    remediationSteps:
      'Set `workspaceId` and `logs: [{ categoryGroup: "allLogs", enabled: true }]` (or "audit") on the monitor.DiagnosticSetting.',
  },
  monitor.DiagnosticSetting,
  (setting, { report }) => {
    if (!isSet(setting.workspaceId)) {
      report("workspaceId is not set; send the logs to a Log Analytics workspace.");
    }
    const logs = setting.logs ?? [];
    if (!logs.some((l) => l.enabled === true && auditGroups.includes(l.categoryGroup ?? ""))) {
      report(
        `No enabled log entry has categoryGroup "allLogs" or "audit" (found: ${logs.map((l) => `${l.categoryGroup ?? l.category}${l.enabled ? "" : " (disabled)"}`).join(", ") || "none"}).`,
      );
    }
  },
);
