import * as cognitiveservices from "@pulumi/azure-native/cognitiveservices";
import { resourcePolicy } from "../../lib/define";
import { shown } from "../lib/shown";

/**
 * Prompts sent to the model carry PHI; with public network access disabled the account is reachable only through
 * its private endpoint.
 * @severity high
 * @controls hipaa:164.312(e)(1), hipaa:164.312(a)(1), gdpr:art32
 */
export const azureCognitiveServicesAccountDisablePublicNetworkAccess = resourcePolicy(
  {
    name: "azure-cognitiveservices-account-disable-public-network-access",
    description: "Cognitive Services / Azure OpenAI accounts must disable public network access.",
    severity: "high",
    controls: ["hipaa:164.312(e)(1)", "hipaa:164.312(a)(1)", "gdpr:art32"],
    remediationSteps:
      'Set `properties.publicNetworkAccess: "Disabled"` on the cognitiveservices.Account and add a private endpoint (group id "account").',
  },
  cognitiveservices.Account,
  (account, { report }) => {
    const value = account.properties?.publicNetworkAccess;
    if (value !== "Disabled") {
      report(
        `properties.publicNetworkAccess is ${shown(value, "defaults to Enabled")}; set it to "Disabled".`,
      );
    }
  },
);
