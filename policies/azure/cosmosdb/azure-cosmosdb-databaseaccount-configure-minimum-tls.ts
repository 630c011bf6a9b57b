import * as cosmosdb from "@pulumi/azure-native/cosmosdb";
import { resourcePolicy } from "../../lib/define";
import { checkEach, shown } from "../../lib/conditions";

const accepted: readonly unknown[] = ["Tls12", "Tls13"];

/**
 * Clients exchange documents with the account over TLS; TLS 1.0 and 1.1 are broken and must be refused (Azure
 * security baseline DP-3).
 * @severity high
 * @controls hipaa:164.312(e)(2)(ii), hipaa:164.312(e)(1), gdpr:art32
 */
export const azureCosmosdbDatabaseAccountConfigureMinimumTls = resourcePolicy(
  {
    name: "azure-cosmosdb-databaseaccount-configure-minimum-tls",
    description: "Cosmos DB accounts must require TLS 1.2 or later.",
    severity: "high",
    controls: ["hipaa:164.312(e)(2)(ii)", "hipaa:164.312(e)(1)", "gdpr:art32"],
    remediationSteps:
      'Set `minimalTlsVersion: "Tls12"` on the azure-native cosmosdb.DatabaseAccount.',
  },
  cosmosdb.DatabaseAccount,
  (r, { report }) =>
    checkEach(report, [
      () => {
        const value = r.minimalTlsVersion;
        return (value === undefined && true) || accepted.includes(value)
          ? undefined
          : `minimalTlsVersion is ${shown(value, "the service default TLS 1.2")}; expected Tls12 or Tls13.`;
      },
    ]),
);
