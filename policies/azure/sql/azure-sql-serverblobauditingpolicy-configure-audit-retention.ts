import * as sql from "@pulumi/azure-native/sql";
import { resourcePolicy } from "../../lib/define";
import { checkEach } from "../../lib/conditions";

const defaultMinRetentionDays = 365;

/**
 * Server audit records are how a breach of a SQL database is traced; auditing must be on, and records kept in
 * storage for at least a year (Checkov CKV_AZURE_23 and CKV_AZURE_24 ask for more than 90 days, CIS Azure 4.1.6).
 * A retention of 0 keeps them forever.
 * @severity medium
 * @controls hipaa:164.312(b), hipaa:164.316(b)(2), gdpr:art33
 */
export const azureSqlServerBlobAuditingPolicyConfigureAuditRetention = resourcePolicy(
  {
    name: "azure-sql-serverblobauditingpolicy-configure-audit-retention",
    description: `Azure SQL server auditing policies must be enabled and keep audit records for at least ${defaultMinRetentionDays} days (0 keeps them forever).`,
    severity: "medium",
    controls: ["hipaa:164.312(b)", "hipaa:164.316(b)(2)", "gdpr:art33"],
    remediationSteps: `Set \`state: "Enabled"\` and \`retentionDays: 0\` (unlimited) or at least ${defaultMinRetentionDays} on the azure-native sql.ServerBlobAuditingPolicy.`,
    configSchema: {
      properties: {
        minRetentionDays: {
          type: "integer",
          minimum: 91,
          maximum: 3285,
          default: defaultMinRetentionDays,
          description:
            "Fewest days audit records are kept in storage (0 in the resource means forever).",
        },
      },
    },
  },
  sql.ServerBlobAuditingPolicy,
  (policy, { args, report }) => {
    const minDays = (args.getConfig<{ minRetentionDays?: number }>().minRetentionDays ??
      defaultMinRetentionDays) as number;
    checkEach(report, [
      () =>
        String(policy.state) === "Enabled"
          ? undefined
          : `state is ${JSON.stringify(policy.state)}; expected "Enabled".`,
      () => {
        const days = policy.retentionDays;
        if (days === undefined || days === null || days === 0) {
          return undefined;
        }
        return days >= minDays
          ? undefined
          : `retentionDays is ${days}; expected 0 (forever) or at least ${minDays}.`;
      },
    ]);
  },
);
