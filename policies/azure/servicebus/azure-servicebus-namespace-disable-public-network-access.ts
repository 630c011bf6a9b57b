import * as servicebus from "@pulumi/azure-native/servicebus";
import { resourcePolicy } from "../../lib/define";
import { checkEach, shown } from "../../lib/conditions";

/**
 * A namespace reachable from the internet is guarded only by keys or tokens; messages with PHI stay on private
 * endpoints (Azure security baseline NS-2).
 * @severity high
 * @controls hipaa:164.312(a)(1), hipaa:164.312(e)(1), gdpr:art32
 */
export const azureServicebusNamespaceDisablePublicNetworkAccess = resourcePolicy(
  {
    name: "azure-servicebus-namespace-disable-public-network-access",
    description:
      'Service Bus namespaces must set publicNetworkAccess to "Disabled" and be reached through private endpoints.',
    severity: "high",
    controls: ["hipaa:164.312(a)(1)", "hipaa:164.312(e)(1)", "gdpr:art32"],
    remediationSteps:
      'Set `publicNetworkAccess: "Disabled"` on the azure-native servicebus.Namespace and add a network.PrivateEndpoint.',
  },
  servicebus.Namespace,
  (r, { report }) =>
    checkEach(report, [
      () =>
        r.publicNetworkAccess === "Disabled"
          ? undefined
          : `publicNetworkAccess is ${shown(r.publicNetworkAccess, "the service default Enabled")}; expected "Disabled".`,
    ]),
);
