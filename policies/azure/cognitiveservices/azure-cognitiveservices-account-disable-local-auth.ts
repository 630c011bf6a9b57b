import * as cognitiveservices from "@pulumi/azure-native/cognitiveservices";
import { resourcePolicy } from "../../lib/define";
import { shown } from "../lib/shown";

/**
 * API keys are shared secrets that identify no one and outlive people; with local auth off every call to the
 * model carries an Entra ID identity that can be audited and revoked.
 * @severity high
 * @controls hipaa:164.312(d), hipaa:164.312(a)(2)(i), gdpr:art32
 */
export const azureCognitiveServicesAccountDisableLocalAuth = resourcePolicy(
  {
    name: "azure-cognitiveservices-account-disable-local-auth",
    description:
      "Cognitive Services / Azure OpenAI accounts must disable key (local) authentication.",
    severity: "high",
    controls: ["hipaa:164.312(d)", "hipaa:164.312(a)(2)(i)", "gdpr:art32"],
    remediationSteps:
      "Set `properties.disableLocalAuth: true` on the cognitiveservices.Account and grant Cognitive Services OpenAI User to callers.",
  },
  cognitiveservices.Account,
  (account, { report }) => {
    const value = account.properties?.disableLocalAuth;
    if (value !== true) {
      report(
        `properties.disableLocalAuth is ${shown(value, "keys are accepted")}; set it to true.`,
      );
    }
  },
);
