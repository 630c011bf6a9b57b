export { azureMonitorDiagnosticSettingConfigureLogAnalytics } from "./azure-monitor-diagnosticsetting-configure-log-analytics";
