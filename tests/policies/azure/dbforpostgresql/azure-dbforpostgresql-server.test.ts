import * as p from "../../../../policies/azure/dbforpostgresql";
import { unknown } from "../../harness";
import { describePolicy } from "../cases";

const type = "azure-native:dbforpostgresql:Server";
const base = { resourceGroupName: "rg" };

describePolicy({
  policy: p.azureDbForPostgresqlServerDisablePublicNetworkAccess,
  type,
  base,
  pass: [{ network: { publicNetworkAccess: "Disabled", delegatedSubnetResourceId: "subnet" } }],
  fail: [
    [
      { network: { publicNetworkAccess: "Enabled" } },
      [
        'network.publicNetworkAccess is "Enabled"; set it to "Disabled". (Control ID: HIPAA 164.312(e)(1); HIPAA 164.312(a)(1); GDPR Art. 32)',
      ],
    ],
  ],
  absent: [
    'network.publicNetworkAccess is not set (Enabled unless the server is VNet-integrated); set it to "Disabled". (Control ID: HIPAA 164.312(e)(1); HIPAA 164.312(a)(1); GDPR Art. 32)',
  ],
  unknown: { network: { publicNetworkAccess: unknown } },
});

const ids = "(Control ID: HIPAA 164.308(a)(7); GDPR Art. 32)";
describePolicy({
  policy: p.azureDbForPostgresqlServerConfigureBackup,
  type,
  base,
  pass: [
    { backup: { geoRedundantBackup: "Enabled", backupRetentionDays: 7 } },
    { backup: { geoRedundantBackup: "Disabled", backupRetentionDays: 14 } },
  ],
  fail: [
    [
      { backup: { geoRedundantBackup: "Disabled", backupRetentionDays: 3 } },
      [
        `backup.geoRedundantBackup is not "Enabled" and backupRetentionDays is 3; enable geo-redundant backup or keep at least 7 days. ${ids}`,
      ],
    ],
  ],
  absent: [],
  unknown: { backup: { geoRedundantBackup: unknown } },
  config: [
    [
      { minRetentionDays: 35 },
      { backup: { geoRedundantBackup: "Disabled", backupRetentionDays: 14 } },
      [
        `backup.geoRedundantBackup is not "Enabled" and backupRetentionDays is 14; enable geo-redundant backup or keep at least 35 days. ${ids}`,
      ],
    ],
    [
      { minRetentionDays: 35 },
      {},
      [
        `backup.geoRedundantBackup is not "Enabled" and backupRetentionDays is 7; enable geo-redundant backup or keep at least 35 days. ${ids}`,
      ],
    ],
    [
      { minRetentionDays: 35 },
      { backup: { geoRedundantBackup: "Enabled", backupRetentionDays: 7 } },
      [],
    ],
  ],
});
