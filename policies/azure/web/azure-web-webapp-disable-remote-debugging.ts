import * as web from "@pulumi/azure-native/web";
import { resourcePolicy } from "../../lib/define";
import { checkEach } from "../../lib/conditions";

/**
 * Remote debugging opens extra ports into the running app, whose memory holds PHI (Checkov CKV_AZURE_72).
 * @severity medium
 * @controls hipaa:164.312(a)(1), gdpr:art32
 */
export const azureWebWebAppDisableRemoteDebugging = resourcePolicy(
  {
    name: "azure-web-webapp-disable-remote-debugging",
    description: "App Service and Function Apps must not enable remote debugging.",
    severity: "medium",
    controls: ["hipaa:164.312(a)(1)", "gdpr:art32"],
    remediationSteps:
      "Set `siteConfig.remoteDebuggingEnabled: false` (the default) on the azure-native web.WebApp.",
  },
  web.WebApp,
  (app, { report }) =>
    checkEach(report, [
      () =>
        app.siteConfig?.remoteDebuggingEnabled === true
          ? "siteConfig.remoteDebuggingEnabled is true; expected false (the default)."
          : undefined,
    ]),
);
