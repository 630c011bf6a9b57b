import * as cognitiveservices from "@pulumi/azure-native/cognitiveservices";
import { resourcePolicy } from "../../lib/define";
import { shown } from "../lib/shown";

/**
 * The account reaches its customer-managed key and its data sources as itself; without a managed identity that
 * needs keys stored somewhere.
 * @severity medium
 * @controls hipaa:164.312(d), hipaa:164.312(a)(1), gdpr:art32
 */
export const azureCognitiveServicesAccountMissingManagedIdentity = resourcePolicy(
  {
    name: "azure-cognitiveservices-account-missing-managed-identity",
    description: "Cognitive Services / Azure OpenAI accounts must have a managed identity.",
    severity: "medium",
    enforcementLevel: "mandatory",
    controls: ["hipaa:164.312(d)", "hipaa:164.312(a)(1)", "gdpr:art32"],
    remediationSteps:
      'Set `identity: { type: "SystemAssigned" }` (or "UserAssigned") on the cognitiveservices.Account.',
  },
  cognitiveservices.Account,
  (account, { report }) => {
    const type = account.identity?.type;
    if (type === undefined || type === "None") {
      report(
        `identity.type is ${shown(type, "no identity")}; set it to "SystemAssigned" or "UserAssigned".`,
      );
    }
  },
);
