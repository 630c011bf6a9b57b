import * as app from "@pulumi/azure-native/app";
import { resourcePolicy } from "../../lib/define";
import { checkEach, isAnyAddress } from "../../lib/conditions";

/**
 * External ingress puts the app on the internet; an app restricted to named source ranges by Allow rules is not
 * exposed to everyone and passes (Azure security baseline NS-2).
 * @severity high
 * @controls hipaa:164.312(a)(1), hipaa:164.312(e)(1), gdpr:art32
 */
export const azureAppContainerAppDisallowPublicIngress = resourcePolicy(
  {
    name: "azure-app-containerapp-disallow-public-ingress",
    description:
      "Container Apps with external ingress must restrict it to named source ranges with Allow rules.",
    severity: "high",
    controls: ["hipaa:164.312(a)(1)", "hipaa:164.312(e)(1)", "gdpr:art32"],
    remediationSteps:
      'Set `configuration.ingress.external: false`, or list `ipSecurityRestrictions: [{name, action: "Allow", ipAddressRange: <CIDR>}]` on the azure-native app.ContainerApp.',
  },
  app.ContainerApp,
  (app, { report }) =>
    checkEach(report, [
      () => {
        const ingress = app.configuration?.ingress;
        if (ingress?.external !== true) {
          return undefined;
        }
        const allows = (ingress.ipSecurityRestrictions ?? []).filter(
          (r) => r.action === "Allow" && !isAnyAddress(r.ipAddressRange),
        );
        return allows.length > 0
          ? undefined
          : "configuration.ingress.external is true with no Allow ipSecurityRestrictions, so the app is exposed to the internet; expected internal ingress or named source ranges.";
      },
    ]),
);
