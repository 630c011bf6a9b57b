import * as web from "@pulumi/azure-native/web";
import { resourcePolicy } from "../../lib/define";
import { checkEach } from "../../lib/conditions";
import { secretEnvironmentFinding } from "../../lib/secret-values";

/**
 * App settings and connection strings are readable by everyone with read access to the app and travel in every
 * deployment; credentials belong in Key Vault and the setting holds a `@Microsoft.KeyVault(...)` reference. Values
 * are judged by shape, and a setting named like a secret must not hold a literal.
 * @severity high
 * @controls hipaa:164.312(a)(1), gdpr:art32
 */
export const azureWebWebAppDisallowSecretAppSettings = resourcePolicy(
  {
    name: "azure-web-webapp-disallow-secret-app-settings",
    description:
      "App Service and Function Apps must not put secrets (judged by value, or literals under a secret's name) in app settings or connection strings.",
    severity: "high",
    controls: ["hipaa:164.312(a)(1)", "gdpr:art32"],
    remediationSteps:
      "Store the value in Key Vault and set the app setting to `@Microsoft.KeyVault(SecretUri=...)` on the azure-native web.WebApp (with a managed identity allowed to read it).",
  },
  web.WebApp,
  (site, { report }) =>
    checkEach(report, [
      ...(site.siteConfig?.appSettings ?? []).map(
        (s) => () =>
          secretEnvironmentFinding(
            `siteConfig.appSettings ${s.name}`,
            String(s.name),
            s.value,
            "a Key Vault reference",
          ),
      ),
      ...(site.siteConfig?.connectionStrings ?? []).map(
        (s) => () =>
          secretEnvironmentFinding(
            `siteConfig.connectionStrings ${s.name}`,
            "connection string",
            s.connectionString,
            "a Key Vault reference",
          ),
      ),
    ]),
);
