import * as cognitiveservices from "@pulumi/azure-native/cognitiveservices";
import { resourcePolicy } from "../../lib/define";
import { isSet, shown } from "../lib/shown";

/**
 * Fine-tuning files, batch inputs and stored completions can hold PHI; a customer-managed key in Key Vault lets the
 * organisation revoke access to them.
 * @severity high
 * @controls hipaa:164.312(a)(2)(iv), gdpr:art32
 */
export const azureCognitiveServicesAccountMissingCmk = resourcePolicy(
  {
    name: "azure-cognitiveservices-account-missing-cmk",
    description:
      "Cognitive Services / Azure OpenAI accounts must encrypt data with a customer-managed key.",
    severity: "high",
    controls: ["hipaa:164.312(a)(2)(iv)", "gdpr:art32"],
    remediationSteps:
      'Set `properties.encryption: { keySource: "Microsoft.KeyVault", keyVaultProperties: { keyVaultUri, keyName, identityClientId } }` on the cognitiveservices.Account.',
  },
  cognitiveservices.Account,
  (account, { report }) => {
    const encryption = account.properties?.encryption;
    if (encryption?.keySource !== "Microsoft.KeyVault") {
      report(
        `properties.encryption.keySource is ${shown(encryption?.keySource, "Microsoft-managed keys")}; set it to "Microsoft.KeyVault".`,
      );
      return;
    }
    const vault = encryption.keyVaultProperties;
    if (!isSet(vault?.keyVaultUri) || !isSet(vault?.keyName)) {
      report("properties.encryption.keyVaultProperties must name the keyVaultUri and keyName.");
    }
  },
);
