import * as operationalinsights from "@pulumi/azure-native/operationalinsights";
import { resourcePolicy } from "../../lib/define";
import { sixYearsInDays } from "../../catalog/retention";

const defaultMinDays = 730;

/**
 * Audit logs must outlive the investigation of a breach and the documentation period; interactive retention of two
 * years is the baseline, and HIPAA's six years need a long-term archive or export beyond it.
 * @severity medium
 * @controls hipaa:164.316(b)(2), hipaa:164.312(b), gdpr:art33
 */
export const azureOperationalInsightsWorkspaceConfigureRetention = resourcePolicy(
  {
    name: "azure-operationalinsights-workspace-configure-retention",
    description: `Log Analytics workspaces must retain data for at least ${defaultMinDays} days.`,
    severity: "medium",
    enforcementLevel: "mandatory",
    controls: ["hipaa:164.316(b)(2)", "hipaa:164.312(b)", "gdpr:art33"],
    remediationSteps:
      "Set `retentionInDays: 730` on the operationalinsights.Workspace and keep six years with table archive (totalRetentionInDays 2556) or an export to immutable storage.",
    configSchema: {
      properties: {
        minRetentionDays: {
          type: "integer",
          minimum: 30,
          maximum: 730,
          default: defaultMinDays,
          description: "Fewest days of interactive retention.",
        },
      },
    },
  },
  operationalinsights.Workspace,
  (workspace, { args, report }) => {
    const minDays = (args.getConfig<{ minRetentionDays?: number }>().minRetentionDays ??
      defaultMinDays) as number;
    const days = workspace.retentionInDays;
    if (days === undefined || days < minDays) {
      report(
        `retentionInDays is ${days === undefined ? "not set (defaults to 30)" : days}; set at least ${minDays} and archive to 6 years (${sixYearsInDays} days) for HIPAA.`,
      );
    }
  },
);
