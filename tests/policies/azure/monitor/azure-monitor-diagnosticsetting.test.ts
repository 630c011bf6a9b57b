import { azureMonitorDiagnosticSettingConfigureLogAnalytics } from "../../../../policies/azure/monitor";
import { unknown } from "../../harness";
import { describePolicy } from "../cases";

const ids = "(Control ID: HIPAA 164.312(b); HIPAA 164.308(a)(1)(ii)(D); GDPR Art. 33)";
const workspaceId =
  "/subscriptions/s/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/law";

describePolicy({
  policy: azureMonitorDiagnosticSettingConfigureLogAnalytics,
  type: "azure-native:monitor:DiagnosticSetting",
  base: {
    resourceUri:
      "/subscriptions/s/resourceGroups/rg/providers/Microsoft.HealthcareApis/workspaces/ws/fhirservices/fhir",
  },
  pass: [
    { workspaceId, logs: [{ categoryGroup: "audit", enabled: true }] },
    { workspaceId, logs: [{ categoryGroup: "allLogs", enabled: true }] },
    // An explicit audit category counts as much as the category group.
    { workspaceId, logs: [{ category: "AuditLogs", enabled: true }] },
    { workspaceId, logs: [{ category: "kube-audit", enabled: true }] },
  ],
  fail: [
    [
      {
        workspaceId,
        logs: [
          { categoryGroup: "audit", enabled: false },
          { category: "AuditLogs", enabled: false },
          { category: "AllMetrics", enabled: true },
        ],
      },
      [
        `No enabled log entry has categoryGroup "allLogs" or "audit" or an audit category (found: audit (disabled), AuditLogs (disabled), AllMetrics). ${ids}`,
      ],
    ],
    [
      { storageAccountId: "sa", logs: [{ categoryGroup: "allLogs", enabled: true }] },
      [`workspaceId is not set; send the logs to a Log Analytics workspace. ${ids}`],
    ],
  ],
  absent: [
    `workspaceId is not set; send the logs to a Log Analytics workspace. ${ids}`,
    `No enabled log entry has categoryGroup "allLogs" or "audit" or an audit category (found: none). ${ids}`,
  ],
  unknown: { workspaceId: unknown, logs: [{ categoryGroup: "allLogs", enabled: true }] },
});
