import * as web from "@pulumi/azure-native/web";
import { resourcePolicy } from "../../lib/define";
import { checkEach, shown } from "../../lib/conditions";

/**
 * An app with public network access is reachable from the internet directly, bypassing the Front Door or
 * Application Gateway WAF that should sit in front of it (Azure security baseline NS-2).
 * @severity high
 * @controls hipaa:164.312(a)(1), hipaa:164.312(e)(1), gdpr:art32
 */
export const azureWebWebAppDisablePublicNetworkAccess = resourcePolicy(
  {
    name: "azure-web-webapp-disable-public-network-access",
    description:
      'App Service and Function Apps that process PHI must set publicNetworkAccess to "Disabled" and be reached through private endpoints.',
    severity: "high",
    controls: ["hipaa:164.312(a)(1)", "hipaa:164.312(e)(1)", "gdpr:art32"],
    remediationSteps:
      'Set `publicNetworkAccess: "Disabled"` on the azure-native web.WebApp and add a network.PrivateEndpoint.',
  },
  web.WebApp,
  (r, { report }) =>
    checkEach(report, [
      () =>
        r.publicNetworkAccess === "Disabled"
          ? undefined
          : `publicNetworkAccess is ${shown(r.publicNetworkAccess, "the service default Enabled")}; expected "Disabled".`,
    ]),
);
