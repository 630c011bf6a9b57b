import * as app from "@pulumi/azure-native/app";
import { resourcePolicy } from "../../lib/define";
import { checkEach } from "../../lib/conditions";

/**
 * With allowInsecure the app accepts plain HTTP instead of redirecting to HTTPS (Azure security baseline DP-3).
 * @severity high
 * @controls hipaa:164.312(e)(2)(ii), hipaa:164.312(e)(1), gdpr:art32
 */
export const azureAppContainerAppDisallowInsecureIngress = resourcePolicy(
  {
    name: "azure-app-containerapp-disallow-insecure-ingress",
    description: "Container Apps ingress must not allow insecure (HTTP) connections.",
    severity: "high",
    controls: ["hipaa:164.312(e)(2)(ii)", "hipaa:164.312(e)(1)", "gdpr:art32"],
    remediationSteps:
      "Set `configuration.ingress.allowInsecure: false` (the default) on the azure-native app.ContainerApp.",
  },
  app.ContainerApp,
  (app, { report }) =>
    checkEach(report, [
      () =>
        app.configuration?.ingress?.allowInsecure === true
          ? "configuration.ingress.allowInsecure is true; expected false (the default)."
          : undefined,
    ]),
);
