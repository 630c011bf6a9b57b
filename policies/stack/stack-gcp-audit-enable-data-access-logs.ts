import { stackPolicy } from "../lib/define";
import { isPhi, unlabelledIsPhiFrom, unlabelledIsPhiSchema } from "./lib/labels";
import { gcp, gcpServiceOf } from "./lib/types";
import { ofType, props, Props } from "./lib/resources";

interface Config {
  unlabelledIsPhi?: boolean;
}

const requiredLogTypes = ["ADMIN_READ", "DATA_READ", "DATA_WRITE"] as const;

/**
 * GCP writes data-access audit logs (who read or wrote which table, object or message) only when an IAM audit
 * config asks for them; without DATA_READ and DATA_WRITE a read of PHI leaves no record. Every service that holds
 * PHI in the stack (BigQuery, Spanner, GKE, Cloud Storage, Pub/Sub, Vertex AI) must be covered by an audit config
 * for `allServices` or for that service, logging ADMIN_READ, DATA_READ and DATA_WRITE without exempted members.
 * @severity high
 * @controls hipaa:164.312(b), hipaa:164.308(a)(1)(ii)(D), gdpr:art33
 */
export const stackGcpAuditEnableDataAccessLogs = stackPolicy(
  {
    name: "stack-gcp-audit-enable-data-access-logs",
    description:
      "A stack with PHI on GCP must have IAM audit configs logging ADMIN_READ, DATA_READ and DATA_WRITE for allServices or for each service that holds PHI.",
    severity: "high",
    controls: ["hipaa:164.312(b)", "hipaa:164.308(a)(1)(ii)(D)", "gdpr:art33"],
    remediationSteps:
      'Add `new gcp.projects.IAMAuditConfig(name, { project, service: "allServices", auditLogConfigs: [{ logType: "ADMIN_READ" }, { logType: "DATA_READ" }, { logType: "DATA_WRITE" }] })` without exemptedMembers.',
    configSchema: { properties: { unlabelledIsPhi: unlabelledIsPhiSchema } },
  },
  ({ args, report }) => {
    const unlabelledIsPhi = unlabelledIsPhiFrom(args.getConfig<Config>());
    const phiResources = args.resources.filter(
      (r) => gcpServiceOf[r.type] !== undefined && isPhi(r, args.resources, unlabelledIsPhi),
    );
    if (phiResources.length === 0) {
      return args.notApplicable("The stack has no PHI resources on GCP.");
    }
    const configs = ofType(
      args.resources,
      gcp.projectAuditConfig,
      gcp.folderAuditConfig,
      gcp.organizationAuditConfig,
    );
    /** Log types each service gets, over allServices and its own configs. */
    const logged = new Map<string, Set<string>>();
    for (const config of configs) {
      const p = props(config);
      const entries: Props[] = p.auditLogConfigs ?? [];
      const types = new Set<string>();
      for (const entry of entries) {
        const exempted: unknown[] = entry.exemptedMembers ?? [];
        if (exempted.length > 0) {
          report(
            `Audit config ${config.name} exempts ${exempted.join(", ")} from ${entry.logType} logs for ${p.service}; expected no exempted members on PHI projects.`,
            config.urn,
          );
        } else {
          types.add(String(entry.logType));
        }
      }
      const service = String(p.service);
      logged.set(service, new Set([...(logged.get(service) ?? []), ...types]));
    }
    for (const resource of phiResources) {
      const service = gcpServiceOf[resource.type];
      const types = new Set([...(logged.get("allServices") ?? []), ...(logged.get(service) ?? [])]);
      const missing = requiredLogTypes.filter((t) => !types.has(t));
      if (missing.length > 0) {
        report(
          `PHI resource ${resource.name} (${service}) has no audit config logging ${missing.join(", ")}; expected an IAMAuditConfig for allServices or ${service} with ADMIN_READ, DATA_READ and DATA_WRITE.`,
          resource.urn,
        );
      }
    }
  },
);
