import * as cognitiveservices from "@pulumi/azure-native/cognitiveservices";
import { resourcePolicy } from "../../lib/define";
import { isSet } from "../lib/shown";

/**
 * Entra ID token authentication and private endpoints both need the account's own subdomain; without it callers
 * fall back to the shared regional endpoint and keys.
 * @severity medium
 * @controls hipaa:164.312(d), hipaa:164.312(e)(1)
 */
export const azureCognitiveServicesAccountMissingCustomSubdomain = resourcePolicy(
  {
    name: "azure-cognitiveservices-account-missing-custom-subdomain",
    description: "Cognitive Services / Azure OpenAI accounts must set a custom subdomain.",
    severity: "medium",
    controls: ["hipaa:164.312(d)", "hipaa:164.312(e)(1)"],
    remediationSteps:
      "Set `properties.customSubDomainName` (globally unique, usually the account name) on the cognitiveservices.Account.",
  },
  cognitiveservices.Account,
  (account, { report }) => {
    if (!isSet(account.properties?.customSubDomainName)) {
      report(
        "properties.customSubDomainName is not set; set it so Entra ID authentication and private endpoints work.",
      );
    }
  },
);
