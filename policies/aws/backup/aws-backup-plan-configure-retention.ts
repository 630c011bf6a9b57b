import * as backup from "@pulumi/aws/backup";
import { resourcePolicy } from "../../lib/define";
import { checkEach } from "../../lib/conditions";

const minDays = 7;

/**
 * A backup rule that deletes recovery points after a day or two leaves nothing to restore once a corruption is
 * noticed; a rule without lifecycle keeps them indefinitely, which is accepted here (the erasure window is judged
 * elsewhere) (LZA healthcare keeps backups 1095 days).
 * @severity medium
 * @controls hipaa:164.308(a)(7), gdpr:art32
 */
export const awsBackupPlanConfigureRetention = resourcePolicy(
  {
    name: "aws-backup-plan-configure-retention",
    description: "AWS Backup plan rules must keep recovery points at least 7 days.",
    severity: "medium",
    controls: ["hipaa:164.308(a)(7)", "gdpr:art32"],
    remediationSteps:
      "Set `lifecycle.deleteAfter` to 7 days or more (or leave it unset) on every rule of the aws.backup.Plan.",
  },
  backup.Plan,
  (plan, { report }) =>
    checkEach(
      report,
      plan.rules.map((rule) => () => {
        const days = rule.lifecycle?.deleteAfter;
        return days === undefined || days >= minDays
          ? undefined
          : `rules ${JSON.stringify(rule.ruleName)} lifecycle.deleteAfter is ${days}; expected at least ${minDays} days (or unset: kept indefinitely).`;
      }),
    ),
);
