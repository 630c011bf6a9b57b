import * as cognitiveservices from "@pulumi/azure-native/cognitiveservices";
import { resourcePolicy } from "../../lib/define";

/**
 * Features such as "on your data" let the service call out to URLs; restricting outbound access to a list of
 * FQDNs keeps PHI in prompts from being sent anywhere else.
 * @severity medium
 * @controls hipaa:164.312(e)(1), gdpr:art32
 */
export const azureCognitiveServicesAccountEnableOutboundRestriction = resourcePolicy(
  {
    name: "azure-cognitiveservices-account-enable-outbound-restriction",
    description:
      "Cognitive Services / Azure OpenAI accounts must restrict outbound network access to an FQDN list.",
    severity: "medium",
    controls: ["hipaa:164.312(e)(1)", "gdpr:art32"],
    remediationSteps:
      "Set `properties.restrictOutboundNetworkAccess: true` and `properties.allowedFqdnList` to the hosts the account may call on the cognitiveservices.Account.",
  },
  cognitiveservices.Account,
  (account, { report }) => {
    const p = account.properties;
    if (p?.restrictOutboundNetworkAccess !== true) {
      report("properties.restrictOutboundNetworkAccess is not true; set it to true.");
      return;
    }
    if ((p.allowedFqdnList ?? []).length === 0) {
      report("properties.allowedFqdnList is empty; list the hosts the account may call.");
    }
  },
);
