/**
 * Resource log categories that are the audit trail of their service: enabling one of them explicitly counts as
 * much as enabling the "audit" or "allLogs" category group.
 */
export const auditCategoryGroups: readonly string[] = ["allLogs", "audit"];

export const auditCategories: readonly string[] = [
  "AuditEvent", // Key Vault
  "AuditLogs", // Health Data Services FHIR, Entra ID
  "Audit", // Cognitive Services / Azure OpenAI
  "RequestResponse", // Cognitive Services / Azure OpenAI
  "SQLSecurityAuditEvents", // Azure SQL, Synapse SQL
  "DevOpsOperationsAudit", // Azure SQL
  "kube-audit", // AKS
  "kube-audit-admin", // AKS
  "DataPlaneRequests", // Cosmos DB
  "ControlPlaneRequests", // Cosmos DB
  "StorageRead", // Storage
  "StorageWrite", // Storage
  "StorageDelete", // Storage
  "MySqlAuditLogs", // MySQL flexible server
  "PostgreSQLLogs", // PostgreSQL flexible server (pgaudit writes here)
  "GatewayLogs", // API Management
  "ApplicationGatewayFirewallLog", // Application Gateway WAF
  "FrontDoorWebApplicationFirewallLog", // Front Door WAF
  "AppServiceAuditLogs", // App Service
  "RuntimeAuditLogs", // Event Hubs, Service Bus
  "SynapseRbacOperations", // Synapse
];

/** True for a log entry that is enabled and is an audit category or category group. */
export function isAuditLog(entry: {
  enabled?: unknown;
  category?: unknown;
  categoryGroup?: unknown;
}) {
  return (
    entry.enabled === true &&
    (auditCategoryGroups.includes(String(entry.categoryGroup ?? "")) ||
      auditCategories.includes(String(entry.category ?? "")))
  );
}
