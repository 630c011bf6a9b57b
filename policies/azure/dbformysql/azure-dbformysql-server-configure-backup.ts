import * as dbformysql from "@pulumi/azure-native/dbformysql";
import { resourcePolicy } from "../../lib/define";
import { checkEach, atLeast } from "../../lib/conditions";

/**
 * The flexible server keeps backups 7 days by default; shorter retention leaves too little time to notice a
 * corruption (Azure security baseline BR-1).
 * @severity medium
 * @controls hipaa:164.308(a)(7), hipaa:164.312(c)(1)
 */
export const azureDbformysqlServerConfigureBackup = resourcePolicy(
  {
    name: "azure-dbformysql-server-configure-backup",
    description: "MySQL flexible servers must keep backups at least 7 days.",
    severity: "medium",
    controls: ["hipaa:164.308(a)(7)", "hipaa:164.312(c)(1)"],
    remediationSteps:
      'Set `backup: {backupRetentionDays: 7 or more, geoRedundantBackup: "Enabled"}` on the azure-native dbformysql.Server.',
  },
  dbformysql.Server,
  (server, { report }) =>
    checkEach(report, [
      () =>
        server.backup?.backupRetentionDays === undefined
          ? undefined
          : atLeast(
              "backup.backupRetentionDays",
              server.backup.backupRetentionDays,
              7,
              "days",
              "the service default 7",
            ),
    ]),
);
