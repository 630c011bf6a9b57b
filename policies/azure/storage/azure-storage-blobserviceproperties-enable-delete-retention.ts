import * as storage from "@pulumi/azure-native/storage";
import { resourcePolicy } from "../../lib/define";

const defaultMinDays = 7;

/**
 * Soft delete keeps deleted or overwritten blobs recoverable for a number of days, so a mistaken or malicious
 * delete does not lose PHI.
 * @severity medium
 * @controls hipaa:164.308(a)(7), hipaa:164.312(c)(1)
 */
export const azureStorageBlobServicePropertiesEnableDeleteRetention = resourcePolicy(
  {
    name: "azure-storage-blobserviceproperties-enable-delete-retention",
    description: `Blob services must keep deleted blobs for at least ${defaultMinDays} days (soft delete).`,
    severity: "medium",
    controls: ["hipaa:164.308(a)(7)", "hipaa:164.312(c)(1)"],
    remediationSteps:
      "Set `deleteRetentionPolicy: { enabled: true, days: 7 }` (or more) on the storage.BlobServiceProperties.",
    configSchema: {
      properties: {
        minRetentionDays: {
          type: "integer",
          minimum: 1,
          maximum: 365,
          default: defaultMinDays,
          description: "Fewest days deleted blobs must stay recoverable.",
        },
      },
    },
  },
  storage.BlobServiceProperties,
  (blob, { args, report }) => {
    const minDays = (args.getConfig<{ minRetentionDays?: number }>().minRetentionDays ??
      defaultMinDays) as number;
    const policy = blob.deleteRetentionPolicy;
    if (policy?.enabled !== true) {
      report(`deleteRetentionPolicy.enabled is not true; enable it with days >= ${minDays}.`);
    } else if ((policy.days ?? 7) < minDays) {
      report(`deleteRetentionPolicy.days is ${policy.days}; the minimum is ${minDays}.`);
    }
  },
);
