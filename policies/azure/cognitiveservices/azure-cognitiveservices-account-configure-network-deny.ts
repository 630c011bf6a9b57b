import * as cognitiveservices from "@pulumi/azure-native/cognitiveservices";
import { resourcePolicy } from "../../lib/define";
import { shown } from "../lib/shown";

/**
 * Network ACLs that deny by default keep the account closed to every network not named, even if public network
 * access is re-enabled later.
 * @severity high
 * @controls hipaa:164.312(e)(1), hipaa:164.312(a)(1), gdpr:art32
 */
export const azureCognitiveServicesAccountConfigureNetworkDeny = resourcePolicy(
  {
    name: "azure-cognitiveservices-account-configure-network-deny",
    description:
      'Cognitive Services / Azure OpenAI accounts must set networkAcls.defaultAction "Deny".',
    severity: "high",
    controls: ["hipaa:164.312(e)(1)", "hipaa:164.312(a)(1)", "gdpr:art32"],
    remediationSteps:
      'Set `properties.networkAcls: { defaultAction: "Deny", bypass: "None" }` on the cognitiveservices.Account.',
  },
  cognitiveservices.Account,
  (account, { report }) => {
    const action = account.properties?.networkAcls?.defaultAction;
    if (action !== "Deny") {
      report(
        `properties.networkAcls.defaultAction is ${shown(action, "defaults to Allow")}; set it to "Deny".`,
      );
    }
  },
);
