import * as dbformysql from "@pulumi/azure-native/dbformysql";
import { resourcePolicy } from "../../lib/define";
import { checkEach } from "../../lib/conditions";

/**
 * A MySQL flexible server accepts plaintext connections once `require_secure_transport` is OFF, and TLS 1.0 or 1.1
 * once `tls_version` lists them (Checkov CKV_AZURE_28 for single servers; the Azure MySQL security baseline DP-3).
 * @severity high
 * @controls hipaa:164.312(e)(1), hipaa:164.312(e)(2)(ii), gdpr:art32
 */
export const azureDbformysqlConfigurationEnforceSecureTransport = resourcePolicy(
  {
    name: "azure-dbformysql-configuration-enforce-secure-transport",
    description:
      "MySQL flexible server configurations must keep require_secure_transport ON and tls_version at TLS 1.2 or later.",
    severity: "high",
    controls: ["hipaa:164.312(e)(1)", "hipaa:164.312(e)(2)(ii)", "gdpr:art32"],
    remediationSteps:
      'Set the azure-native dbformysql.Configuration "require_secure_transport" to "ON" (the default) and "tls_version" to "TLSv1.2" or "TLSv1.2,TLSv1.3".',
  },
  dbformysql.Configuration,
  (configuration, { report }) =>
    checkEach(report, [
      () => {
        const name = String(configuration.configurationName ?? "").toLowerCase();
        const value = String(configuration.value ?? "");
        if (name === "require_secure_transport" && value.toUpperCase() !== "ON") {
          return `require_secure_transport is ${JSON.stringify(configuration.value ?? null)}; expected "ON".`;
        }
        if (name === "tls_version") {
          const old = value
            .split(",")
            .map((v) => v.trim())
            .filter((v) => /^TLSv1(\.[01])?$/i.test(v));
          return old.length > 0
            ? `tls_version is ${JSON.stringify(value)}, which allows ${old.join(", ")}; expected TLSv1.2 or later only.`
            : undefined;
        }
        return undefined;
      },
    ]),
);
