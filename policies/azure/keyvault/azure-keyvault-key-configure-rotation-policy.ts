import * as keyvault from "@pulumi/azure-native/keyvault";
import { resourcePolicy } from "../../lib/define";
import { isoDurationDays } from "../../lib/duration";

const defaultMaxDays = 365;

/**
 * A Key Vault key used as CMK rotates itself; a key without a rotate action stays the same for its whole life.
 * @severity high
 * @controls hipaa:164.312(a)(2)(iv), gdpr:art32
 */
export const azureKeyVaultKeyConfigureRotationPolicy = resourcePolicy(
  {
    name: "azure-keyvault-key-configure-rotation-policy",
    description: `Key Vault keys must have a rotation policy that rotates them at least every ${defaultMaxDays} days.`,
    severity: "high",
    controls: ["hipaa:164.312(a)(2)(iv)", "gdpr:art32"],
    remediationSteps:
      'Add `properties.rotationPolicy.lifetimeActions` with `{ trigger: { timeAfterCreate: "P90D" }, action: { type: "rotate" } }` to the keyvault.Key.',
    configSchema: {
      properties: {
        maxRotationDays: {
          type: "integer",
          minimum: 1,
          maximum: 730,
          default: defaultMaxDays,
          description: "Longest allowed time between rotations in days.",
        },
      },
    },
  },
  keyvault.Key,
  (key, { args, report }) => {
    const maxDays = (args.getConfig<{ maxRotationDays?: number }>().maxRotationDays ??
      defaultMaxDays) as number;
    const rotate = (key.properties?.rotationPolicy?.lifetimeActions ?? []).filter(
      (a) => a.action?.type === "rotate",
    );
    if (rotate.length === 0) {
      report("The key has no rotation policy with a rotate action.");
      return;
    }
    const days = rotate.map((a) => isoDurationDays(a.trigger?.timeAfterCreate));
    if (!days.some((d) => d !== undefined && d <= maxDays)) {
      report(
        `No rotate action triggers within ${maxDays} days of creation (timeAfterCreate: ${rotate.map((a) => JSON.stringify(a.trigger?.timeAfterCreate)).join(", ")}).`,
      );
    }
  },
);
