import * as eventhub from "@pulumi/azure-native/eventhub";
import { resourcePolicy } from "../../lib/define";
import { checkEach, shown } from "../../lib/conditions";

/**
 * A namespace reachable from the internet is guarded only by keys or tokens; messages with PHI stay on private
 * endpoints (Azure security baseline NS-2).
 * @severity high
 * @controls hipaa:164.312(a)(1), hipaa:164.312(e)(1), gdpr:art32
 */
export const azureEventhubNamespaceDisablePublicNetworkAccess = resourcePolicy(
  {
    name: "azure-eventhub-namespace-disable-public-network-access",
    description:
      'Event Hubs namespaces must set publicNetworkAccess to "Disabled" and be reached through private endpoints.',
    severity: "high",
    controls: ["hipaa:164.312(a)(1)", "hipaa:164.312(e)(1)", "gdpr:art32"],
    remediationSteps:
      'Set `publicNetworkAccess: "Disabled"` on the azure-native eventhub.Namespace and add a network.PrivateEndpoint.',
  },
  eventhub.Namespace,
  (r, { report }) =>
    checkEach(report, [
      () =>
        r.publicNetworkAccess === "Disabled"
          ? undefined
          : `publicNetworkAccess is ${shown(r.publicNetworkAccess, "the service default Enabled")}; expected "Disabled".`,
    ]),
);
