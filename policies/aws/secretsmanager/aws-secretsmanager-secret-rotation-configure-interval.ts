import * as secretsmanager from "@pulumi/aws/secretsmanager";
import { resourcePolicy } from "../../lib/define";
import { checkEach, shown } from "../../lib/conditions";

const maxDays = 90;

/** Days between rotations of a `rate(N days)` or `rate(N hours)` schedule; undefined for cron and others. */
function rateDays(expression: string): number | undefined {
  const m = /^rate\((\d+)\s+(day|days|hour|hours)\)$/.exec(expression.trim());
  return m ? (m[2].startsWith("hour") ? Number(m[1]) / 24 : Number(m[1])) : undefined;
}

/**
 * A database or API credential that is never rotated stays valid for anyone who ever copied it; rotation at least
 * every 90 days bounds that window (AWS FSBP SecretsManager.1/.4, Checkov CKV2_AWS_57, cdk-nag HIPAA
 * SecretsManagerRotationEnabled).
 * @severity medium
 * @controls hipaa:164.312(a)(1), hipaa:164.312(d), gdpr:art32
 */
export const awsSecretsmanagerSecretRotationConfigureInterval = resourcePolicy(
  {
    name: "aws-secretsmanager-secret-rotation-configure-interval",
    description: "Secrets Manager rotations must be enabled and rotate at least every 90 days.",
    severity: "medium",
    controls: ["hipaa:164.312(a)(1)", "hipaa:164.312(d)", "gdpr:art32"],
    remediationSteps:
      "Set `rotationRules: {automaticallyAfterDays: 30}` (or a `scheduleExpression` of rate(N days) with N <= 90) and leave `rotationEnabled` true on the aws.secretsmanager.SecretRotation.",
  },
  secretsmanager.SecretRotation,
  (rotation, { report }) => {
    const rules = rotation.rotationRules;
    checkEach(report, [
      () =>
        rotation.rotationEnabled === false
          ? "rotationEnabled is false; expected true (the provider default)."
          : undefined,
      () => {
        if (rules?.automaticallyAfterDays !== undefined) {
          return rules.automaticallyAfterDays <= maxDays
            ? undefined
            : `rotationRules.automaticallyAfterDays is ${rules.automaticallyAfterDays}; expected at most ${maxDays}.`;
        }
        if (rules?.scheduleExpression !== undefined) {
          const days = rateDays(rules.scheduleExpression);
          // A cron expression rotates at least yearly; only rate() schedules say how often in days.
          return days === undefined || days <= maxDays
            ? undefined
            : `rotationRules.scheduleExpression is ${shown(rules.scheduleExpression)} (every ${days} days); expected at most ${maxDays} days.`;
        }
        return "rotationRules sets neither automaticallyAfterDays nor scheduleExpression; expected a rotation interval of at most 90 days.";
      },
    ]);
  },
);
