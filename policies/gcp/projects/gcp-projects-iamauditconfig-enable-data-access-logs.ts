import * as projects from "@pulumi/gcp/projects";
import { resourcePolicy } from "../../lib/define";

const required = ["DATA_READ", "DATA_WRITE", "ADMIN_READ"];

/**
 * Data Access audit logs are off by default, so without them nobody can tell who read or changed PHI; an exempted
 * member is an identity whose access is never recorded.
 * @severity high
 * @controls hipaa:164.312(b), hipaa:164.308(a)(1)(ii)(D), gdpr:art33
 */
export const gcpProjectsIamAuditConfigEnableDataAccessLogs = resourcePolicy(
  {
    name: "gcp-projects-iamauditconfig-enable-data-access-logs",
    description:
      "Project audit configs must log DATA_READ, DATA_WRITE and ADMIN_READ with no exempted members.",
    severity: "high",
    controls: ["hipaa:164.312(b)", "hipaa:164.308(a)(1)(ii)(D)", "gdpr:art33"],
    remediationSteps:
      'Set `auditLogConfigs: [{ logType: "DATA_READ" }, { logType: "DATA_WRITE" }, { logType: "ADMIN_READ" }]` without `exemptedMembers` on the gcp.projects.IAMAuditConfig (service "allServices").',
  },
  projects.IAMAuditConfig,
  (audit, { report }) => {
    const configs = audit.auditLogConfigs ?? [];
    const found = configs.map((c) => c.logType);
    const missing = required.filter((type) => !found.includes(type));
    if (missing.length > 0) {
      report(
        `auditLogConfigs for service ${JSON.stringify(audit.service)} do not log ${missing.join(", ")} (found: ${found.join(", ") || "none"}); add a config for each of DATA_READ, DATA_WRITE and ADMIN_READ.`,
      );
    }
    configs.forEach((config, i) => {
      const exempted = config.exemptedMembers ?? [];
      if (exempted.length > 0) {
        report(
          `auditLogConfigs[${i}] (${config.logType}) exempts ${exempted.join(", ")}; remove exemptedMembers so every identity's access is logged.`,
        );
      }
    });
  },
);
