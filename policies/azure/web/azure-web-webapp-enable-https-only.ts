import * as web from "@pulumi/azure-native/web";
import { resourcePolicy } from "../../lib/define";
import { checkEach, mustBeTrue } from "../../lib/conditions";

/**
 * App Service and Function Apps answer plain HTTP unless httpsOnly is set (the service default false), so PHI in
 * forms and API calls can travel unencrypted (CIS Azure 9.2, Checkov CKV_AZURE_14/70).
 * @severity high
 * @controls hipaa:164.312(e)(2)(ii), hipaa:164.312(e)(1), gdpr:art32
 */
export const azureWebWebAppEnableHttpsOnly = resourcePolicy(
  {
    name: "azure-web-webapp-enable-https-only",
    description: "App Service and Function Apps must redirect all HTTP traffic to HTTPS.",
    severity: "high",
    controls: ["hipaa:164.312(e)(2)(ii)", "hipaa:164.312(e)(1)", "gdpr:art32"],
    remediationSteps: "Set `httpsOnly: true` on the azure-native web.WebApp.",
  },
  web.WebApp,
  (app, { report }) =>
    checkEach(report, [() => mustBeTrue("httpsOnly", app.httpsOnly, "the service default false")]),
);
