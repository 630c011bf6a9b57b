import * as kms from "@pulumi/gcp/kms";
import { resourcePolicy } from "../../lib/define";
import { gcpDurationSeconds } from "../../lib/duration";

const defaultMaxDays = 90;

/**
 * A Cloud KMS key rotates at least every 90 days (configurable lower), the limit hardened GCP organisations set.
 * @severity high
 * @controls hipaa:164.312(a)(2)(iv), gdpr:art32
 */
export const gcpKmsCryptoKeyConfigureRotationPeriod = resourcePolicy(
  {
    name: "gcp-kms-cryptokey-configure-rotation-period",
    description: `Cloud KMS crypto keys must rotate automatically at least every ${defaultMaxDays} days.`,
    severity: "high",
    controls: ["hipaa:164.312(a)(2)(iv)", "gdpr:art32"],
    remediationSteps:
      'Set `rotationPeriod` to at most "7776000s" (90 days) on the gcp.kms.CryptoKey.',
    configSchema: {
      properties: {
        maxRotationDays: {
          type: "integer",
          minimum: 1,
          maximum: 90,
          default: defaultMaxDays,
          description: "Longest allowed rotation period in days.",
        },
      },
    },
  },
  kms.CryptoKey,
  (key, { args, report }) => {
    if ((key.purpose ?? "ENCRYPT_DECRYPT") !== "ENCRYPT_DECRYPT") {
      // Only symmetric encryption keys support automatic rotation.
      return;
    }
    const maxDays = (args.getConfig<{ maxRotationDays?: number }>().maxRotationDays ??
      defaultMaxDays) as number;
    if (key.rotationPeriod === undefined) {
      report(
        `No rotationPeriod is set, so the key never rotates; set at most ${maxDays * 86400}s (${maxDays} days).`,
      );
      return;
    }
    const seconds = gcpDurationSeconds(key.rotationPeriod);
    if (seconds === undefined) {
      report(
        `rotationPeriod ${JSON.stringify(key.rotationPeriod)} is not a duration in seconds such as "7776000s".`,
      );
    } else if (seconds > maxDays * 86400) {
      report(
        `rotationPeriod is ${seconds}s (${(seconds / 86400).toFixed(1)} days); the maximum is ${maxDays * 86400}s (${maxDays} days).`,
      );
    }
  },
);
