import * as dbformysql from "@pulumi/azure-native/dbformysql";
import { resourcePolicy } from "../../lib/define";
import { checkEach } from "../../lib/conditions";

/**
 * Flexible server storage and backups are encrypted with service-managed keys unless dataEncryption names a Key
 * Vault key (Azure security baseline DP-5).
 * @severity high
 * @controls hipaa:164.312(a)(2)(iv), gdpr:art32
 */
export const azureDbformysqlServerMissingCmk = resourcePolicy(
  {
    name: "azure-dbformysql-server-missing-cmk",
    description:
      "MySQL flexible servers must be encrypted with a customer-managed key from Key Vault.",
    severity: "high",
    controls: ["hipaa:164.312(a)(2)(iv)", "gdpr:art32"],
    remediationSteps:
      'Set `dataEncryption: {type: "AzureKeyVault", primaryKeyURI, primaryUserAssignedIdentityId}` on the azure-native dbformysql.Server.',
  },
  dbformysql.Server,
  (r, { report }) =>
    checkEach(report, [
      () =>
        r.dataEncryption?.type === "AzureKeyVault" &&
        typeof r.dataEncryption.primaryKeyURI === "string"
          ? undefined
          : "dataEncryption names no Key Vault key (a Microsoft-managed key); expected a customer-managed key.",
    ]),
);
