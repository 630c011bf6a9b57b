import * as datafactory from "@pulumi/azure-native/datafactory";
import { resourcePolicy } from "../../lib/define";
import { checkEach, shown } from "../../lib/conditions";

/**
 * A factory with public network access accepts authoring and integration runtime traffic from the internet (Checkov
 * CKV_AZURE_104).
 * @severity high
 * @controls hipaa:164.312(a)(1), hipaa:164.312(e)(1), gdpr:art32
 */
export const azureDatafactoryFactoryDisablePublicNetworkAccess = resourcePolicy(
  {
    name: "azure-datafactory-factory-disable-public-network-access",
    description:
      'Data Factory instances must set publicNetworkAccess to "Disabled" and be reached through private endpoints.',
    severity: "high",
    controls: ["hipaa:164.312(a)(1)", "hipaa:164.312(e)(1)", "gdpr:art32"],
    remediationSteps:
      'Set `publicNetworkAccess: "Disabled"` on the azure-native datafactory.Factory and add a network.PrivateEndpoint.',
  },
  datafactory.Factory,
  (r, { report }) =>
    checkEach(report, [
      () =>
        r.publicNetworkAccess === "Disabled"
          ? undefined
          : `publicNetworkAccess is ${shown(r.publicNetworkAccess, "the service default Enabled")}; expected "Disabled".`,
    ]),
);
