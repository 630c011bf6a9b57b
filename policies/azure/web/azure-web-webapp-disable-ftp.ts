import * as web from "@pulumi/azure-native/web";
import { resourcePolicy } from "../../lib/define";
import { checkEach, shown } from "../../lib/conditions";

/**
 * FTP deploys code and reads files with credentials in clear text; only FTPS, or no FTP at all, is acceptable (CIS
 * Azure 9.10, Checkov CKV_AZURE_78).
 * @severity medium
 * @controls hipaa:164.312(e)(2)(ii), hipaa:164.312(e)(1), gdpr:art32
 */
export const azureWebWebAppDisableFtp = resourcePolicy(
  {
    name: "azure-web-webapp-disable-ftp",
    description:
      'App Service and Function Apps must set siteConfig.ftpsState to "Disabled" or "FtpsOnly".',
    severity: "medium",
    controls: ["hipaa:164.312(e)(2)(ii)", "hipaa:164.312(e)(1)", "gdpr:art32"],
    remediationSteps: 'Set `siteConfig.ftpsState: "Disabled"` on the azure-native web.WebApp.',
  },
  web.WebApp,
  (app, { report }) =>
    checkEach(report, [
      () =>
        ["Disabled", "FtpsOnly"].includes(app.siteConfig?.ftpsState ?? "")
          ? undefined
          : `siteConfig.ftpsState is ${shown(app.siteConfig?.ftpsState, "plain FTP may be allowed")}; expected "Disabled" or "FtpsOnly".`,
    ]),
);
