import * as cognitiveservices from "@pulumi/azure-native/cognitiveservices";
import { resourcePolicy } from "../../lib/define";
import { isSet } from "../lib/shown";

/**
 * A deployment names the content filter applied to its prompts and completions; naming the platform's own RAI
 * policy keeps the filter reviewed and versioned with the code instead of whatever the default is.
 * @severity medium
 * @controls gdpr:art25, gdpr:art32
 */
export const azureCognitiveServicesDeploymentMissingRaiPolicy = resourcePolicy(
  {
    name: "azure-cognitiveservices-deployment-missing-rai-policy",
    description: "Azure OpenAI deployments must name a content filter (raiPolicyName).",
    severity: "medium",
    controls: ["gdpr:art25", "gdpr:art32"],
    remediationSteps:
      "Set `properties.raiPolicyName` to a cognitiveservices.RaiPolicy's name on the cognitiveservices.Deployment.",
  },
  cognitiveservices.Deployment,
  (deployment, { report }) => {
    if (!isSet(deployment.properties?.raiPolicyName)) {
      report("properties.raiPolicyName is not set; name the platform's content filter.");
    }
  },
);
