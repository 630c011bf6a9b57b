import * as cognitiveservices from "@pulumi/azure-native/cognitiveservices";
import { resourcePolicy } from "../../lib/define";

/**
 * Global deployment types may process prompts in any Azure region; DataZone and regional types keep processing in
 * the EU or US data zone. Whether that matters is the stack's residency setting, so this is advisory here.
 * @severity low
 * @controls gdpr:art44-46
 */
export const azureCognitiveServicesDeploymentDisallowGlobalSku = resourcePolicy(
  {
    name: "azure-cognitiveservices-deployment-disallow-global-sku",
    description:
      "Azure OpenAI deployments should not use Global deployment types when data must stay in a zone.",
    severity: "low",
    controls: ["gdpr:art44-46"],
    remediationSteps:
      'Set `sku.name: "DataZoneStandard"` (or "Standard") on the cognitiveservices.Deployment.',
  },
  cognitiveservices.Deployment,
  (deployment, { report }) => {
    const sku = deployment.sku?.name;
    if (typeof sku === "string" && sku.startsWith("Global")) {
      report(
        `sku.name is "${sku}", which may process data in any region; use "DataZoneStandard" or "Standard".`,
      );
    }
  },
);
