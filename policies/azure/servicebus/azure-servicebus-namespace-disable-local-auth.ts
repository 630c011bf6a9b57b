import * as servicebus from "@pulumi/azure-native/servicebus";
import { resourcePolicy } from "../../lib/define";
import { checkEach, mustBeTrue } from "../../lib/conditions";

/**
 * Shared access signature keys grant send and listen rights to whoever holds them, untraceable to a person; Entra
 * ID tokens are tied to an identity (Azure security baseline IM-1).
 * @severity high
 * @controls hipaa:164.312(a)(2)(i), hipaa:164.312(d), gdpr:art32
 */
export const azureServicebusNamespaceDisableLocalAuth = resourcePolicy(
  {
    name: "azure-servicebus-namespace-disable-local-auth",
    description:
      "Service Bus namespaces must disable local (key-based) authentication in favour of Entra ID.",
    severity: "high",
    controls: ["hipaa:164.312(a)(2)(i)", "hipaa:164.312(d)", "gdpr:art32"],
    remediationSteps:
      "Set `disableLocalAuth: true` on the azure-native servicebus.Namespace and grant access through Entra ID roles.",
  },
  servicebus.Namespace,
  (r, { report }) =>
    checkEach(report, [() => mustBeTrue("disableLocalAuth", r.disableLocalAuth, "keys accepted")]),
);
