/**
 * The labels every resource carries, in the spelling each cloud accepts. Policies read `data-classification` to
 * decide which resources hold PHI.
 */
import type { PlatformConfig } from "./config";

export type Labels = Readonly<Record<string, string>>;

export function platformLabels(config: PlatformConfig): Labels {
  return {
    app: "mediconnect",
    stack: config.stack,
    environment: config.environment,
    "data-classification": config.dataClassification,
    residency: config.residency,
    owner: config.owner,
    "cost-center": config.costCenter,
    "managed-by": "pulumi",
  };
}
