import * as eventhub from "@pulumi/azure-native/eventhub";
import { resourcePolicy } from "../../lib/define";
import { checkEach, mustBeTrue } from "../../lib/conditions";

/**
 * Shared access signature keys grant send and listen rights to whoever holds them, untraceable to a person; Entra
 * ID tokens are tied to an identity (Azure security baseline IM-1).
 * @severity high
 * @controls hipaa:164.312(a)(2)(i), hipaa:164.312(d), gdpr:art32
 */
export const azureEventhubNamespaceDisableLocalAuth = resourcePolicy(
  {
    name: "azure-eventhub-namespace-disable-local-auth",
    description:
      "Event Hubs namespaces must disable local (key-based) authentication in favour of Entra ID.",
    severity: "high",
    controls: ["hipaa:164.312(a)(2)(i)", "hipaa:164.312(d)", "gdpr:art32"],
    remediationSteps:
      "Set `disableLocalAuth: true` on the azure-native eventhub.Namespace and grant access through Entra ID roles.",
  },
  eventhub.Namespace,
  (r, { report }) =>
    checkEach(report, [() => mustBeTrue("disableLocalAuth", r.disableLocalAuth, "keys accepted")]),
);
