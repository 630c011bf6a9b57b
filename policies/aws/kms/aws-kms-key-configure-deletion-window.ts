import * as kms from "@pulumi/aws/kms";
import { resourcePolicy } from "../../lib/define";
import { configOf } from "../lib/format";

/**
 * Deleting a key makes everything it encrypted unreadable for good; the waiting period is the only time in which
 * a mistaken or malicious deletion can be cancelled.
 * @severity medium
 * @controls hipaa:164.308(a)(7), gdpr:art32
 */
export const awsKmsKeyConfigureDeletionWindow = resourcePolicy(
  {
    name: "aws-kms-key-configure-deletion-window",
    description:
      "KMS keys must wait at least the configured number of days (30 by default) before deletion.",
    severity: "medium",
    controls: ["hipaa:164.308(a)(7)", "gdpr:art32"],
    remediationSteps:
      "Set `deletionWindowInDays: 30` (7 to 30) on the aws.kms.Key, or leave it unset for AWS's 30 days.",
    configSchema: {
      properties: {
        minDeletionWindowDays: {
          type: "integer",
          minimum: 7,
          maximum: 30,
          default: 30,
          description: "Shortest deletion waiting period allowed.",
        },
      },
    },
  },
  kms.Key,
  (key, { args, report }) => {
    const { minDeletionWindowDays } = configOf(args, { minDeletionWindowDays: 30 });
    const days = key.deletionWindowInDays ?? 30;
    if (days < minDeletionWindowDays) {
      report(`deletionWindowInDays is ${days}; expected at least ${minDeletionWindowDays}.`);
    }
  },
);
