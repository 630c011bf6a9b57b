import * as sql from "@pulumi/azure-native/sql";
import { resourcePolicy } from "../../lib/define";
import { shown } from "../lib/shown";

/**
 * Connections to the database carry PHI; TLS 1.0 and 1.1 have known weaknesses.
 * @severity high
 * @controls hipaa:164.312(e)(2)(ii), hipaa:164.312(e)(1), gdpr:art32
 */
export const azureSqlServerConfigureMinimumTls = resourcePolicy(
  {
    name: "azure-sql-server-configure-minimum-tls",
    description: "Azure SQL servers must require TLS 1.2 or later.",
    severity: "high",
    controls: ["hipaa:164.312(e)(2)(ii)", "hipaa:164.312(e)(1)", "gdpr:art32"],
    remediationSteps: 'Set `minimalTlsVersion: "1.2"` on the sql.Server.',
  },
  sql.Server,
  (server, { report }) => {
    const version = server.minimalTlsVersion;
    if (version !== "1.2" && version !== "1.3") {
      report(`minimalTlsVersion is ${shown(version, "the service default")}; set it to "1.2".`);
    }
  },
);
