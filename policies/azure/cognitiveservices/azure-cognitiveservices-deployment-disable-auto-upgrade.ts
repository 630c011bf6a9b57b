import * as cognitiveservices from "@pulumi/azure-native/cognitiveservices";
import { resourcePolicy } from "../../lib/define";
import { shown } from "../lib/shown";

/**
 * A model version that changes underneath a clinical feature changes its outputs without review; pinning the
 * version makes upgrades a reviewed change.
 * @severity low
 * @controls hipaa:164.312(c)(1), gdpr:art25
 */
export const azureCognitiveServicesDeploymentDisableAutoUpgrade = resourcePolicy(
  {
    name: "azure-cognitiveservices-deployment-disable-auto-upgrade",
    description:
      'Azure OpenAI deployments must pin the model version (versionUpgradeOption "NoAutoUpgrade").',
    severity: "low",
    controls: ["hipaa:164.312(c)(1)", "gdpr:art25"],
    remediationSteps:
      'Set `properties.versionUpgradeOption: "NoAutoUpgrade"` and `properties.model.version` on the cognitiveservices.Deployment.',
  },
  cognitiveservices.Deployment,
  (deployment, { report }) => {
    const option = deployment.properties?.versionUpgradeOption;
    if (option !== "NoAutoUpgrade") {
      report(
        `properties.versionUpgradeOption is ${shown(option, "OnceNewDefaultVersionAvailable")}; set it to "NoAutoUpgrade".`,
      );
    }
  },
);
