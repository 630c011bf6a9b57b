import * as web from "@pulumi/azure-native/web";
import { resourcePolicy } from "../../lib/define";
import { checkEach, shown } from "../../lib/conditions";

const weak = ["1.0", "1.1"];

/**
 * TLS 1.0 and 1.1 are broken; the app and its SCM (Kudu) site must refuse them. When unset the platform default is
 * 1.2, which is accepted (CIS Azure 9.3, Checkov CKV_AZURE_15).
 * @severity high
 * @controls hipaa:164.312(e)(2)(ii), hipaa:164.312(e)(1), gdpr:art32
 */
export const azureWebWebAppConfigureMinimumTls = resourcePolicy(
  {
    name: "azure-web-webapp-configure-minimum-tls",
    description:
      "App Service and Function Apps must not lower minTlsVersion or scmMinTlsVersion below 1.2.",
    severity: "high",
    controls: ["hipaa:164.312(e)(2)(ii)", "hipaa:164.312(e)(1)", "gdpr:art32"],
    remediationSteps:
      'Set `siteConfig.minTlsVersion: "1.2"` and `siteConfig.scmMinTlsVersion: "1.2"` (or leave them unset) on the azure-native web.WebApp.',
  },
  web.WebApp,
  (app, { report }) =>
    checkEach(report, [
      ...(["minTlsVersion", "scmMinTlsVersion"] as const).map((field) => () => {
        const value = app.siteConfig?.[field];
        return typeof value === "string" && weak.includes(value)
          ? `siteConfig.${field} is ${shown(value)}; expected "1.2" or later (the platform default 1.2 when unset).`
          : undefined;
      }),
    ]),
);
